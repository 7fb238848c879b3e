/// A ledger as the monitor exports it: Chinese column headers and rows of text, ID numbers and
/// phones already masked. The gateway writes it as a CSV for Excel; the cells are final text so
/// a ledger reads the same in every client.
public struct LedgerTable: Codable, Sendable, Equatable, JSONBodyReadable {
    public var kind: LedgerKind
    public var headers: [String]
    public var rows: [[String]]

    public init(kind: LedgerKind, headers: [String], rows: [[String]] = []) {
        self.kind = kind
        self.headers = headers
        self.rows = rows
    }

    /// Reads a `monitor.ledger.export` reply with ``JSONReader`` (a county ledger can hold a
    /// hundred thousand rows).
    public static func read(json bytes: some Collection<UInt8>) throws -> LedgerTable {
        let object = try JSONObjectReader(try JSONReader.parse(bytes), path: "")
        let kind = try object.parsed("kind", "unknown ledger kind") { LedgerKind(rawValue: $0) }
        func strings(_ value: JSONValue, _ path: String) throws(JSONFieldError) -> [String] {
            guard case .array(let items) = value else { throw .invalid(path, "expected an array") }
            var result: [String] = []
            result.reserveCapacity(items.count)
            for item in items {
                guard case .string(let text) = item else { throw .invalid(path, "expected strings") }
                result.append(text)
            }
            return result
        }
        guard let headers = object.member("headers"), case .array(let rows)? = object.member("rows") else {
            throw JSONFieldError.missing("headers/rows")
        }
        var table = LedgerTable(kind: kind, headers: try strings(headers, "headers"))
        table.rows.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            table.rows.append(try strings(row, "rows[\(index)]"))
        }
        return table
    }
}

extension LedgerTable: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("headers")
        writer.beginArray()
        for header in headers { writer.string(header) }
        writer.endArray()
        writer.field("kind", kind.rawValue)
        writer.key("rows")
        writer.beginArray()
        for row in rows {
            writer.beginArray()
            for cell in row { writer.string(cell) }
            writer.endArray()
        }
        writer.endArray()
        writer.endObject()
    }
}
