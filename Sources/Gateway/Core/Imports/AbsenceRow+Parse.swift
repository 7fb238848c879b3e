import BaoxueCSV
import BaoxueContracts

extension AbsenceRow {
    /// One row of a school's absence CSV (`学校标识码, 日期, 身份证件号, 缺课原因`): a 10-digit
    /// school code, a date, a valid ID number (or student number) and a reason of bounded length;
    /// every problem of the row at once.
    static func parse(_ fields: [AbsenceField: String]) -> Result<AbsenceRow, RecordProblems> {
        func text(_ field: AbsenceField) -> String { TextNormalization.field(fields[field] ?? "") }
        var problems: [FieldProblem] = []
        let school = text(.schoolCode)
        if school.count != 10 || !school.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append(FieldProblem(field: AbsenceField.schoolCode.header, reason: "应为10位学校标识码 (a 10-digit school code)"))
        }
        let date = CivilDate(parsing: text(.date))
        if date == nil {
            problems.append(FieldProblem(field: AbsenceField.date.header, reason: "日期应为YYYY-MM-DD (a date, YYYY-MM-DD)"))
        }
        let key = text(.idNumber)
        var canonical: String?
        do {
            canonical = try IDNumber(validating: key).value
        } catch let idProblem {
            canonical = (try? StudentNumber(validating: key))?.value
            if canonical == nil {
                problems.append(FieldProblem(field: AbsenceField.idNumber.header, reason: idProblem.message))
            }
        }
        let reason = text(.reason)
        if reason.count > AbsenceReport.maximumReasonLength {
            problems.append(FieldProblem(field: AbsenceField.reason.header, reason: "最多\(AbsenceReport.maximumReasonLength)字 (at most \(AbsenceReport.maximumReasonLength) characters)"))
        }
        guard problems.isEmpty, let date, let canonical else { return .failure(RecordProblems(problems)) }
        return .success(AbsenceRow(school: school, absence: AbsenceReport(student: canonical, date: date, reason: reason.isEmpty ? nil : reason)))
    }
}
