import BaoxueCSV
import BaoxueContracts

/// Checks the rows of an uploaded file, a batch at a time, before anything is sent: each row
/// parsed by its record's rules (every problem of a row reported at once, with its column), and
/// values that must be unique within the file (``UniqueColumn``) refused at their second
/// occurrence. Every import (schools, students, the roster, absences) checks its rows here.
struct RowChecker<Column: ImportColumn, Record: Codable & Sendable> {
    typealias Parse = ([Column: String]) -> Result<Record, RecordProblems>

    private let parse: Parse
    private let unique: [UniqueColumn<Record>]
    private var seen: [[String: Int]]

    init(expectedRows: Int = 0, unique: [UniqueColumn<Record>] = [], parse: @escaping Parse) {
        self.parse = parse
        self.unique = unique
        seen = unique.map { _ in Dictionary(minimumCapacity: expectedRows) }
    }

    /// Makes room for a file of `rows` rows at once, rather than growing as it goes (a million-row
    /// roster would otherwise rehash its ID numbers some twenty times).
    mutating func reserve(rows: Int) {
        for index in seen.indices { seen[index].reserveCapacity(rows) }
    }

    /// The rows that passed, in order, and the problems of those that did not.
    mutating func check(_ rows: some Collection<TableRow<Column>>) -> (accepted: [NumberedRow<Record>], rejected: [RowProblem]) {
        var accepted: [NumberedRow<Record>] = []
        var rejected: [RowProblem] = []
        accepted.reserveCapacity(rows.count)
        rows: for row in rows {
            if let problem = row.problem {
                rejected.append(RowProblem(row: row.row, column: nil, reason: problem))
                continue
            }
            switch parse(row.fields) {
            case .failure(let problems):
                rejected += problems.problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
            case .success(let record):
                // Each key is read twice rather than kept in an array made for every row.
                for index in unique.indices {
                    if let key = unique[index].key(record), let first = seen[index][key] {
                        rejected.append(unique[index].problem(row: row.row, first: first))
                        continue rows
                    }
                }
                for index in unique.indices {
                    if let key = unique[index].key(record) { seen[index][key] = row.row }
                }
                accepted.append(NumberedRow(row: row.row, record: record))
            }
        }
        return (accepted, rejected)
    }
}
