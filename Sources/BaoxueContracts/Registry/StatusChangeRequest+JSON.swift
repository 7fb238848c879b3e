extension StatusChangeRequest: JSONWritable, JSONReadable {
    /// Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them, absent values left out;
    /// ``unknownCauses`` is never written. Every status change the gateway and the benchmarks
    /// send is written here.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let causes { writer.field("causes", strings: causes.lazy.map(\.rawValue)) }
        writer.field("date", date.description)
        writer.field("documents", strings: documents)
        writer.field("expectedEnd", expectedEnd?.description)
        if let grade { writer.field("grade", grade) }
        writer.field("kind", kind.rawValue)
        if let outOfCounty { writer.field("outOfCounty", outOfCounty) }
        writer.field("reason", reason)
        writer.field("student", student)
        writer.field("toSchool", toSchool)
        writer.endObject()
    }

    /// The rules of `init(from:)`: `documents` may be omitted, `causes` are read as text and
    /// sorted into known causes and ``unknownCauses``. Every status change the registry receives
    /// is read here.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        student = try object.string("student")
        kind = try object.parsed("kind", "unknown change kind") { StatusChangeKind(rawValue: $0) }
        date = try object.parsed("date", "not a date (YYYY-MM-DD)") { CivilDate(parsing: $0) }
        documents = object.member("documents") == nil ? [] : try object.strings("documents")
        if object.member("causes") != nil {
            let texts = try object.strings("causes")
            causes = texts.compactMap(DropoutCause.init(rawValue:))
            unknownCauses = texts.filter { DropoutCause(rawValue: $0) == nil }
        }
        reason = try object.optionalString("reason")
        toSchool = try object.optionalString("toSchool")
        outOfCounty = try object.optionalBool("outOfCounty")
        expectedEnd = try object.optionalParsed("expectedEnd", "not a date (YYYY-MM-DD)") { CivilDate(parsing: $0) }
        grade = try object.optionalInt("grade")
    }
}
