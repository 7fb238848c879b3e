import BaoxueCSV
import BaoxueContracts

/// Checks a school's absence CSV row by row before anything is sent: a date, a valid ID number
/// (or student number), a 10-digit school code, one row per child per day.
struct AbsenceRowChecker {
    private var seen: [String: Int] = [:]

    mutating func check(_ rows: some Collection<TableRow<AbsenceField>>) -> ([NumberedRow<AbsenceRow>], [RowProblem]) {
        var accepted: [NumberedRow<AbsenceRow>] = []
        var rejected: [RowProblem] = []
        for row in rows {
            if let problem = row.problem {
                rejected.append(RowProblem(row: row.row, column: nil, reason: problem))
                continue
            }
            func text(_ field: AbsenceField) -> String { TextNormalization.field(row.fields[field] ?? "") }
            var problems: [RowProblem] = []
            let school = text(.schoolCode)
            if school.count != 10 || !school.allSatisfy({ $0.isASCII && $0.isNumber }) {
                problems.append(RowProblem(row: row.row, column: AbsenceField.schoolCode.header, reason: "应为10位学校标识码 (a 10-digit school code)"))
            }
            let date = CivilDate(parsing: text(.date))
            if date == nil {
                problems.append(RowProblem(row: row.row, column: AbsenceField.date.header, reason: "日期应为YYYY-MM-DD (a date, YYYY-MM-DD)"))
            }
            let key = text(.idNumber)
            var canonical: String?
            do {
                canonical = try IDNumber(validating: key).value
            } catch let idProblem {
                canonical = (try? StudentNumber(validating: key))?.value
                if canonical == nil {
                    problems.append(RowProblem(row: row.row, column: AbsenceField.idNumber.header, reason: idProblem.message))
                }
            }
            let reason = text(.reason)
            if reason.count > AbsenceReport.maximumReasonLength {
                problems.append(RowProblem(row: row.row, column: AbsenceField.reason.header, reason: "最多\(AbsenceReport.maximumReasonLength)字 (at most \(AbsenceReport.maximumReasonLength) characters)"))
            }
            guard problems.isEmpty, let date, let canonical else {
                rejected += problems
                continue
            }
            let dayKey = "\(canonical)|\(date)"
            if let first = seen[dayKey] {
                rejected.append(RowProblem(row: row.row, column: AbsenceField.idNumber.header, reason: "与第\(first)行重复（同一学生同一天）(same child and day as row \(first))"))
                continue
            }
            seen[dayKey] = row.row
            accepted.append(NumberedRow(row: row.row, record: AbsenceRow(school: school, absence: AbsenceReport(student: canonical, date: date, reason: reason.isEmpty ? nil : reason))))
        }
        return (accepted, rejected)
    }
}
