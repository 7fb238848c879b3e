/// One batch of rows for `registry.students.import`. The gateway cuts a file into batches so a
/// county's roster goes in a few large transactions.
///
/// Decoding is per row: a row that does not decode (a bad ID number from a client that skipped
/// the checks) becomes one entry of ``invalidRows`` and the others still go in, exactly as a bad
/// row of a file would.
public struct ImportBatch<Record: Codable & Sendable>: Codable, Sendable {
    public var rows: [NumberedRow<Record>]
    /// Rows that arrived but could not be read; never encoded.
    public var invalidRows: [RowProblem] = []

    enum CodingKeys: String, CodingKey { case rows }

    public init(rows: [NumberedRow<Record>]) {
        self.rows = rows
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        (rows, invalidRows) = try LenientRows.decode(container, key: .rows)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
    }
}
