import BaoxueCSV
import BaoxueContracts

/// Checks the rows of a students file batch by batch: each row parsed by the roster rules, and
/// duplicates inside the file (the same ID number or student number twice) rejected at their
/// second occurrence, naming the first.
struct StudentRowChecker {
    private var seenIDs: [String: Int] = [:]
    private var seenNumbers: [String: Int] = [:]

    mutating func check(_ rows: some Collection<TableRow<StudentField>>) -> ([NumberedRow<StudentRecord>], [RowProblem]) {
        var accepted: [NumberedRow<StudentRecord>] = []
        var rejected: [RowProblem] = []
        accepted.reserveCapacity(rows.count)
        for row in rows {
            if let problem = row.problem {
                rejected.append(RowProblem(row: row.row, column: nil, reason: problem))
                continue
            }
            switch StudentRecord.parse(row.fields) {
            case .failure(let problems):
                rejected += problems.problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
            case .success(let record):
                if let id = record.idNumber?.value, let first = seenIDs[id] {
                    rejected.append(RowProblem(row: row.row, column: StudentField.idNumber.header, reason: "身份证件号与第\(first)行重复 (same ID number as row \(first))"))
                    continue
                }
                if let first = seenNumbers[record.studentNumber.value] {
                    rejected.append(RowProblem(row: row.row, column: StudentField.studentNumber.header, reason: "全国学籍号与第\(first)行重复 (same student number as row \(first))"))
                    continue
                }
                if let id = record.idNumber?.value { seenIDs[id] = row.row }
                seenNumbers[record.studentNumber.value] = row.row
                accepted.append(NumberedRow(row: row.row, record: record))
            }
        }
        return (accepted, rejected)
    }
}
