extension Student: JSONReadable, JSONBodyReadable {
    /// A student's keys, each at its place in ``jsonKeys``, named as its properties, in the order
    /// its writer puts them (sorted); `record` is an object.
    private enum Key: Int, CaseIterable {
        case documentsIncomplete, record, revision, schoolName, status, township, updatedAt
    }

    static let jsonKeys = JSONKeys(names: Key.allCases.map { "\($0)" })

    /// Every registry event carries a `Student`, and every follower reads it: this is the fast
    /// path, with the rules of `init(from:)` (`StudentRecordTests` checks they agree).
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONMembers(json, known: Self.jsonKeys, path: path)
        guard let recordValue = object.member(Key.record.rawValue) else { throw .missing(object.at(Key.record.rawValue)) }
        try self.init(object, record: StudentRecord(json: recordValue, path: object.at(Key.record.rawValue)))
    }

    /// An event's body read straight from its text, its record too, with no tree (decision 150);
    /// a body that reader does not take whole (not an object, no record object, a field that
    /// does not read) is read again as a tree, which says what is wrong as before.
    public static func read(json bytes: some Collection<UInt8>) throws -> Student {
        let text = Array(bytes)
        if let student = try? streamed(text) { return student }
        return try Student(json: JSONReader.parse(text), path: "")
    }

    static func streamed(_ text: [UInt8]) throws -> Student {
        var reader = JSONReader(bytes: text)
        let object = try JSONMembers(reading: &reader, known: Self.jsonKeys, path: "", nested: (Key.record.rawValue, StudentRecord.jsonKeys))
        try reader.finish()
        guard let record = object.nested else { throw JSONFieldError.missing("record") }
        return try Student(object, record: StudentRecord(members: record))
    }

    /// The fields beside the record, in the order the tree reader always read them.
    private init(_ object: JSONMembers, record: StudentRecord) throws(JSONFieldError) {
        self.record = record
        status = try object.parsed(Key.status.rawValue, "unknown status") { StudentStatus(rawValue: $0) }
        township = try object.string(Key.township.rawValue)
        schoolName = try object.optionalString(Key.schoolName.rawValue)
        documentsIncomplete = try object.bool(Key.documentsIncomplete.rawValue)
        updatedAt = try object.string(Key.updatedAt.rawValue)
        revision = try object.int(Key.revision.rawValue)
    }
}
