extension ImportBatch: JSONBodyReadable where Record: JSONReadable {
    /// Reads a batch body with ``JSONReader``: the same result as `JSONDecoder` (rows that do not
    /// read become ``invalidRows``), several times faster. Student and roster imports both come
    /// through here. Records that read by their keys' places (``JSONMembersReadable``, a
    /// student's) are read straight from the text, with no tree (decision 150); a body that
    /// reader does not take whole is read again as a tree, which says what is wrong as before.
    public static func read(json bytes: some Collection<UInt8>) throws -> ImportBatch<Record> {
        let text = Array(bytes)
        if let records = Record.self as? any JSONMembersReadable.Type, let batch = try? streamed(text, records) {
            return batch
        }
        return try fromTree(text)
    }

    /// The batch from its parsed tree.
    static func fromTree(_ text: [UInt8]) throws -> ImportBatch<Record> {
        let root = try JSONReader.parse(text)
        let object = try JSONObjectReader(root, path: "")
        guard case .array(let elements)? = object.member("rows") else {
            throw object.member("rows") == nil ? JSONFieldError.missing("rows") : JSONFieldError.invalid("rows", "expected an array")
        }
        var batch = ImportBatch(rows: [])
        batch.rows.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            batch.add(element, at: position)
        }
        return batch
    }

    /// The batch read from its text, each row's record by its keys' places; throws whatever is
    /// not a batch object with a `rows` array, for ``fromTree(_:)`` to say.
    static func streamed(_ text: [UInt8], _ records: any JSONMembersReadable.Type) throws -> ImportBatch<Record> {
        var reader = try JSONReader(object: text)
        var batch: ImportBatch<Record>?
        try reader.readMembers(importBatchKeys) { _, reader throws(JSONReader.SyntaxError) in
            guard try reader.beginArray() else { throw reader.error("rows is null") }
            var rows = ImportBatch(rows: [])
            var position = 0
            while try reader.nextElement() {
                if reader.peek() == UInt8(ascii: "{") {
                    try rows.add(reading: &reader, at: position, records)
                } else {
                    rows.add(try reader.value(), at: position)
                }
                position += 1
            }
            batch = rows
        }
        try reader.finish()
        guard let batch else { throw reader.error("no rows") }
        return batch
    }

    /// Adds the row at `position` of the `rows` array from its tree: a row that does not read
    /// becomes an invalid row, under its number when that was read.
    private mutating func add(_ element: JSONValue, at position: Int) {
        var number = position + 1
        do {
            let row = try JSONObjectReader(element, path: "rows[\(position)]")
            number = try row.int("row")
            guard let record = row.member("record") else { throw JSONFieldError.missing(row.at("record")) }
            rows.append(NumberedRow(row: number, record: try Record(json: record, path: row.at("record"))))
        } catch {
            invalidRows.append(RowProblem(row: number, column: nil, reason: "\(error)"))
        }
    }

    /// Adds the row object the reader stands on, its record read straight from the text when it
    /// is an object. A row that does not read is read again from its own text as a tree
    /// (``add(_:at:)``), so its problem is said as before, with its path, which the fast read
    /// does not spend a string on for every row.
    private mutating func add(reading reader: inout JSONReader, at position: Int, _ records: any JSONMembersReadable.Type) throws(JSONReader.SyntaxError) {
        let start = reader.index
        let row = try JSONMembers(reading: &reader, known: importRowKeys, path: "", nested: (0, records.jsonKeys))
        if let record = row.nested, let number = try? row.int(1), let read = try? records.init(members: record) as? Record {
            rows.append(NumberedRow(row: number, record: read))
        } else {
            add(try JSONReader.parse(reader.bytes[start..<reader.index]), at: position)
        }
    }
}

/// A batch body's keys, and a row's (in the order its writer puts them), for the reader of
/// ``ImportBatch``.
private let importBatchKeys = JSONKeys("rows")
private let importRowKeys = JSONKeys("record", "row")

extension ImportBatch: JSONWritable where Record: JSONWritable {
    /// A student's row writes some 500 to 600 bytes, a roster child's about 160: reserving for
    /// the larger leaves the rest of a roster batch's buffer untouched, which costs nothing.
    public var jsonCapacity: Int { 64 + 640 * rows.count }

    /// The same bytes as `JSONEncoder` with sorted keys, written in place: going through the
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
