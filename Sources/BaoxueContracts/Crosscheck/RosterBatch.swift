/// One batch of roster rows for `monitor.roster.import`. The gateway cuts a population roster
/// (a county's can pass a million rows) into batches of ``RosterBatch/recommendedSize`` so it goes
/// in a few dozen transactions.
///
/// As with ``ImportBatch``, decoding is per row: a row that does not read becomes one entry of
/// ``invalidRows`` and the others still go in.
public struct RosterBatch: Codable, Sendable {
    public var rows: [NumberedRow<RosterChild>]
    /// Rows that arrived but could not be read; never encoded.
    public var invalidRows: [RowProblem] = []

    /// Rows per message the gateway sends: a roster row is small (~150 bytes of JSON), so a
    /// batch of 20,000 is ~3 MB and one transaction of well under a second in the monitor.
    public static let recommendedSize = 20_000

    enum CodingKeys: String, CodingKey { case rows }

    public init(rows: [NumberedRow<RosterChild>]) {
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

    /// Reads a `monitor.roster.import` body with ``JSONReader``: the same result as
    /// `JSONDecoder` (rows that do not read become ``invalidRows``), several times faster.
    public static func read(json bytes: some Collection<UInt8>) throws -> RosterBatch {
        let root = try JSONReader.parse(bytes)
        let object = try JSONObjectReader(root, path: "")
        guard case .array(let elements)? = object.member("rows") else {
            throw object.member("rows") == nil ? JSONFieldError.missing("rows") : JSONFieldError.invalid("rows", "expected an array")
        }
        var batch = RosterBatch(rows: [])
        batch.rows.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            var number = position + 1
            do {
                let row = try JSONObjectReader(element, path: "rows[\(position)]")
                number = try row.int("row")
                guard let record = row.member("record") else { throw JSONFieldError.missing(row.at("record")) }
                batch.rows.append(NumberedRow(row: number, record: try RosterChild(json: record, path: row.at("record"))))
            } catch {
                batch.invalidRows.append(RowProblem(row: number, column: nil, reason: "\(error)"))
            }
        }
        return batch
    }
}

extension RosterChild: JSONWritable {
    /// Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("guardianName", guardianName)
        writer.field("guardianPhone", guardianPhone)
        writer.field("householdRegion", householdRegion)
        writer.field("idNumber", idNumber.value)
        writer.field("name", name)
        writer.endObject()
    }

    /// Reads a record from parsed JSON with the rules of `init(from:)`: the ID number validated,
    /// the other fields as strings.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        let idText = try object.string("idNumber")
        do { idNumber = try IDNumber(validating: idText) } catch { throw .invalid(object.at("idNumber"), error.message) }
        name = try object.string("name")
        householdRegion = try object.string("householdRegion")
        guardianName = try object.optionalString("guardianName")
        guardianPhone = try object.optionalString("guardianPhone")
    }
}

extension RosterBatch: JSONWritable {
    /// The same bytes as the generic `NumberedRow` path, written in place: going through the
    /// generic array of rows copied (retained and released) every record on the way.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("rows")
        writer.beginArray()
        for index in rows.indices {
            writer.beginObject()
            writer.key("record")
            rows[index].record.write(to: &writer)
            writer.field("row", rows[index].row)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
