import BaoxueCSV
import BaoxueContracts

/// The checks of each file the gateway imports: how a row becomes a record, and what may not
/// repeat within one file.
extension RowChecker where Column == SchoolField, Record == SchoolRecord {
    static func schools() -> Self {
        RowChecker(unique: [UniqueColumn(header: SchoolField.code.header, chinese: "学校标识码", english: "school code") { $0.code }]) { SchoolRecord.parse($0) }
    }
}

extension RowChecker where Column == StudentField, Record == StudentRecord {
    /// A child appears once: by ID number, and by national student number.
    static func students(expectedRows: Int = 0) -> Self {
        RowChecker(expectedRows: expectedRows, unique: [
            UniqueColumn(header: StudentField.idNumber.header, chinese: "身份证件号", english: "ID number") { $0.idNumber?.value },
            UniqueColumn(header: StudentField.studentNumber.header, chinese: "全国学籍号", english: "student number") { $0.studentNumber.value },
        ]) { StudentRecord.parse($0) }
    }
}

extension RowChecker where Column == RosterField, Record == RosterChild {
    /// A resident appears once in the household roster, by ID number.
    static func roster(expectedRows: Int = 0) -> Self {
        RowChecker(expectedRows: expectedRows, unique: [
            UniqueColumn(header: RosterField.idNumber.header, chinese: "身份证件号", english: "ID number") { $0.idNumber.value },
        ]) { RosterChild.parse($0) }
    }
}

extension RowChecker where Column == AbsenceField, Record == AbsenceRow {
    /// One row per child per school day.
    static func absences() -> Self {
        RowChecker(unique: [
            UniqueColumn(header: AbsenceField.idNumber.header, chinese: "同一学生同一天", english: "child and day") { "\($0.absence.student)|\($0.absence.date)" },
        ]) { AbsenceRow.parse($0) }
    }
}
