extension ImportBatch: JSONBodyReadable where Record: JSONReadable {
    /// Reads a batch body with ``JSONReader``: the same result as `JSONDecoder` (rows that do not
    /// read become ``invalidRows``), several times faster. Student and roster imports both come
    /// through here. A body is either rows of objects (`{"rows": [{"row": 2, "record": {…}}]}`)
    /// or a table (`{"columns": ["row", "name", …], "rows": [[2, "张小明", …]]}`, decision 159).
    /// Records that read by their keys' places (``JSONMembersReadable``, a student's) are read
    /// straight from the text, with no tree (decision 150); a body that reader does not take whole
    /// is read again as a tree, which says what is wrong as before.
    public static func read(json bytes: some Collection<UInt8>) throws -> ImportBatch<Record> {
        let text = Array(bytes)
        if let records = Record.self as? any JSONMembersReadable.Type, let batch = try? streamed(text, records) {
            return batch
        }
        return try fromTree(text)
    }

    /// The batch from its parsed tree, in either form, its members in any order.
    static func fromTree(_ text: [UInt8]) throws -> ImportBatch<Record> {
        let root = try JSONReader.parse(text)
        let object = try JSONObjectReader(root, path: "")
        guard case .array(let elements)? = object.member("rows") else {
            throw object.member("rows") == nil ? JSONFieldError.missing("rows") : JSONFieldError.invalid("rows", "expected an array")
        }
        var columns: [String]?
        if let listed = object.member("columns") {
            guard case .array(let names) = listed else { throw JSONFieldError.invalid("columns", "expected an array of column names") }
            columns = try names.map { name throws(JSONFieldError) in
                guard case .string(let name) = name else { throw .invalid("columns", "expected an array of column names") }
                return name
            }
        }
        var batch = ImportBatch(rows: [])
        batch.rows.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            if let columns {
                batch.add(element, columns: columns, at: position)
            } else {
                batch.add(element, at: position)
            }
        }
        return batch
    }

    /// The batch read from its text, each row's record by its keys' places; throws whatever is
    /// not a batch object with a `rows` array (or a table's `columns` after its rows), for
    /// ``fromTree(_:)`` to say.
    static func streamed(_ text: [UInt8], _ records: any JSONMembersReadable.Type) throws -> ImportBatch<Record> {
        var reader = try JSONReader(object: text)
        var batch: ImportBatch<Record>?
        var columns: TableColumns?
        try reader.readMembers(importBatchKeys) { place, reader throws(JSONReader.SyntaxError) in
            if place == 0 {
                guard batch == nil else { throw reader.error("columns after rows") }
                columns = try TableColumns(reading: &reader, keys: records.jsonKeys)
                return
            }
            guard try reader.beginArray() else { throw reader.error("rows is null") }
            var rows = ImportBatch(rows: [])
            var position = 0
            while try reader.nextElement() {
                if let columns {
                    try rows.add(readingRow: &reader, columns, at: position, records)
                } else if reader.peek() == UInt8(ascii: "{") {
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

    /// Adds the row at `position` of a table from its tree: its values put under their columns'
    /// names, the `row` column's as its number, and read as the record's object would be (the
    /// first of a column named twice counts, and columns the record does not know are passed
    /// over, as keys of an object are).
    private mutating func add(_ element: JSONValue, columns: [String], at position: Int) {
        var number = position + 1
        let path = "rows[\(position)]"
        do {
            guard case .array(let values) = element, values.count == columns.count else {
                throw JSONFieldError.invalid(path, "expected an array of \(columns.count) values, one for each column")
            }
            var members: [(String, JSONValue)] = []
            var rowNumber: JSONValue = .null
            for (column, value) in zip(columns, values) {
                if column == rowColumn {
                    if rowNumber == .null { rowNumber = value }
                } else {
                    members.append((column, value))
                }
            }
            number = try JSONObjectReader(.object([(rowColumn, rowNumber)]), path: path).int(rowColumn)
            rows.append(NumberedRow(row: number, record: try Record(json: .object(members), path: path)))
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

    /// Adds the table's row the reader stands on, each value put in its column's place among the
    /// record's keys. A row that does not read is read again from its own text as a tree
    /// (``add(_:columns:at:)``), which says its problem with its path.
    private mutating func add(readingRow reader: inout JSONReader, _ columns: TableColumns, at position: Int, _ records: any JSONMembersReadable.Type) throws(JSONReader.SyntaxError) {
        reader.skipSpace()
        let start = reader.index
        var values = [JSONValue?](repeating: nil, count: columns.keys.unknown)
        var number: JSONValue?
        var count = 0
        if reader.peek() == UInt8(ascii: "[") {
            _ = try reader.beginArray()
            while try reader.nextElement() {
                let value = try reader.value()
                if count < columns.places.count {
                    let place = columns.places[count]
                    if place == TableColumns.rowNumber { number = value } else if place < values.count { values[place] = value }
                }
                count += 1
            }
        } else {
            _ = try reader.value()
        }
        if count == columns.places.count, case .number(let value)? = number, let row = Int(exactly: value),
           let read = try? records.init(members: JSONMembers(known: columns.keys, path: "", values: values)) as? Record {
            rows.append(NumberedRow(row: row, record: read))
        } else {
            add(try JSONReader.parse(reader.bytes[start..<reader.index]), columns: columns.names, at: position)
        }
    }
}

/// The column of a table's rows that holds each row's number in the file.
let rowColumn = "row"

/// A batch body's keys, in the order its writer puts them, and a row object's, for the reader of
/// ``ImportBatch``.
private let importBatchKeys = JSONKeys("columns", "rows")
private let importRowKeys = JSONKeys("record", "row")

extension ImportBatch: JSONWritable where Record: JSONWritable {
    /// A student's row writes some 500 to 600 bytes as an object, some 220 as a table's row,
    /// a roster child's about 160: reserving for the largest leaves the rest of a smaller batch's
    /// buffer untouched, which costs nothing.
    public var jsonCapacity: Int { 64 + 640 * rows.count }

    /// Records that travel as rows (``JSONRowRecord``, a student's) are written as a table: the
    /// column names once, then each row as an array, its number first (decision 159). Others as
    /// objects, the same bytes as `JSONEncoder` with sorted keys. Written in place: going through
    /// the generic array of rows copied (retained and released) every record on the way.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let columns = (Record.self as? any JSONRowRecord.Type)?.jsonKeys {
            writer.key("columns")
            writer.beginArray()
            writer.string(rowColumn)
            for place in 0..<columns.unknown { writer.string(columns.name(at: place)) }
            writer.endArray()
            writer.key("rows")
            writer.beginArray()
            for index in rows.indices {
                writer.beginArray()
                writer.number(Int64(rows[index].row))
                writer.values(of: rows[index].record)
                writer.endArray()
            }
            writer.endArray()
        } else {
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
        }
        writer.endObject()
    }
}
