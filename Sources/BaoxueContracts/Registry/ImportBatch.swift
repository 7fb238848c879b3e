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

extension ImportBatch where Record == StudentRecord {
    /// Reads `registry.students.import` bodies with ``JSONReader``: the same result as
    /// `JSONDecoder` (rows that do not read become ``invalidRows``), several times faster.
    public static func read(json bytes: some Collection<UInt8>) throws -> ImportBatch<StudentRecord> {
        let root = try JSONReader.parse(bytes)
        let object = try JSONObjectReader(root, path: "")
        guard case .array(let elements)? = object.member("rows") else {
            throw object.member("rows") == nil ? JSONFieldError.missing("rows") : JSONFieldError.invalid("rows", "expected an array")
        }
        var batch = ImportBatch(rows: [])
        batch.rows.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            let path = "rows[\(position)]"
            var number = position + 1
            do {
                let row = try JSONObjectReader(element, path: path)
                number = try row.int("row")
                guard let record = row.member("record") else { throw JSONFieldError.missing(row.at("record")) }
                batch.rows.append(NumberedRow(row: number, record: try StudentRecord(json: record, path: row.at("record"))))
            } catch {
                batch.invalidRows.append(RowProblem(row: number, column: nil, reason: "\(error)"))
            }
        }
        return batch
    }
}
