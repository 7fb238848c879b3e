/// One batch of rows for `registry.schools.import` or `registry.students.import`. The gateway
/// cuts a file into batches so a county's roster goes in a few large transactions.
public struct ImportBatch<Record: Codable & Sendable>: Codable, Sendable {
    public var rows: [NumberedRow<Record>]

    public init(rows: [NumberedRow<Record>]) {
        self.rows = rows
    }
}
