import BaoxueCSV
import BaoxueContracts

extension RowChecker where Column == LedgerField, Record == LedgerImportRow {
    /// The civil-affairs ledger: a child appears once, by ID number or student number.
    static func careLedger() -> Self {
        RowChecker(unique: [
            UniqueColumn(header: LedgerField.idNumber.header, chinese: "身份证件号或学籍号", english: "ID or student number") { $0.entry.student },
        ]) { LedgerImportRow.parse($0) }
    }
}
