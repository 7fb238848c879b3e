import BaoxueCSV
import BaoxueContracts

extension RowChecker where Column == FamilyRosterField, Record == FamilyRosterRow {
    /// A person appears once on each of the office's lists (the civil-affairs file may name a
    /// child on both the 低保 and the orphan list).
    static func familyRoster(source: RosterSource) -> Self {
        RowChecker(unique: [
            UniqueColumn(header: FamilyRosterField.idNumber.header, chinese: "同一名单中的身份证件号", english: "ID number on one list") { "\($0.idNumber.value)|\($0.category.rawValue)" },
        ]) { FamilyRosterRow.parse($0, source: source) }
    }
}

extension RowChecker where Column == BankResultField, Record == BankResultRow {
    /// A payment has one result in a file.
    static func bankResults() -> Self {
        RowChecker(unique: [UniqueColumn(header: BankResultField.payment.header, chinese: "支付编号", english: "payment reference") { String($0.payment) }]) { BankResultRow.parse($0) }
    }
}
