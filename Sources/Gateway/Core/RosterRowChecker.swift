import BaoxueCSV
import BaoxueContracts

/// Checks the rows of a roster file batch by batch: each row parsed by the roster rules, and the
/// same ID number twice in the file rejected at its second occurrence, naming the first.
struct RosterRowChecker {
    private var seenIDs: [String: Int] = [:]

    init(expectedRows: Int = 0) {
        seenIDs.reserveCapacity(expectedRows)
    }

    mutating func check(_ rows: some Collection<TableRow<RosterField>>) -> ([NumberedRow<RosterChild>], [RowProblem]) {
        var accepted: [NumberedRow<RosterChild>] = []
        var rejected: [RowProblem] = []
        accepted.reserveCapacity(rows.count)
        for row in rows {
            if let problem = row.problem {
                rejected.append(RowProblem(row: row.row, column: nil, reason: problem))
                continue
            }
            switch RosterChild.parse(row.fields) {
            case .failure(let problems):
                rejected += problems.problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
            case .success(let child):
                if let first = seenIDs.updateValue(row.row, forKey: child.idNumber.value) {
                    seenIDs[child.idNumber.value] = first
                    rejected.append(RowProblem(row: row.row, column: RosterField.idNumber.header, reason: "身份证件号与第\(first)行重复 (same ID number as row \(first))"))
                    continue
                }
                accepted.append(NumberedRow(row: row.row, record: child))
            }
        }
        return (accepted, rejected)
    }
}
