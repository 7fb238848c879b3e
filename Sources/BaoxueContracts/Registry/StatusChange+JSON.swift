extension StatusChange: JSONWritable, JSONReadable {
    /// Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them, absent values left out.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let causes { writer.field("causes", strings: causes.lazy.map(\.rawValue)) }
        writer.field("date", date.description)
        writer.field("documents", strings: documents)
        writer.field("expectedEnd", expectedEnd?.description)
        writer.field("from", from?.rawValue)
        writer.field("fromSchool", fromSchool)
        writer.field("id", id)
        writer.field("kind", kind.rawValue)
        writer.field("missingDocuments", strings: missingDocuments)
        writer.field("reason", reason)
        writer.field("recordedAt", recordedAt)
        writer.field("recordedBy", recordedBy)
        writer.field("studentNumber", studentNumber)
        writer.field("to", to.rawValue)
        writer.field("toSchool", toSchool)
        writer.field("toSchoolType", toSchoolType?.rawValue)
        writer.endObject()
    }

    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        id = Int64(try object.int("id"))
        studentNumber = try object.string("studentNumber")
        kind = try object.parsed("kind", "unknown change kind") { StatusChangeKind(rawValue: $0) }
        from = try object.optionalParsed("from", "unknown status") { StudentStatus(rawValue: $0) }
        to = try object.parsed("to", "unknown status") { StudentStatus(rawValue: $0) }
        date = try object.parsed("date", "not a date (YYYY-MM-DD)") { CivilDate(parsing: $0) }
        documents = try object.strings("documents")
        missingDocuments = try object.strings("missingDocuments")
        if object.member("causes") != nil {
            var causes: [DropoutCause] = []
            for (index, text) in try object.strings("causes").enumerated() {
                guard let cause = DropoutCause(rawValue: text) else { throw .invalid("\(object.at("causes"))[\(index)]", "unknown dropout cause") }
                causes.append(cause)
            }
            self.causes = causes
        }
        reason = try object.optionalString("reason")
        fromSchool = try object.optionalString("fromSchool")
        toSchool = try object.optionalString("toSchool")
        toSchoolType = try object.optionalParsed("toSchoolType", "unknown school type") { SchoolType(rawValue: $0) }
        expectedEnd = try object.optionalParsed("expectedEnd", "not a date (YYYY-MM-DD)") { CivilDate(parsing: $0) }
        recordedAt = try object.string("recordedAt")
        recordedBy = try object.string("recordedBy")
    }
}

extension StatusChangedEvent: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("change", change)
        writer.field("student", student)
        writer.endObject()
    }

    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        guard let changeValue = object.member("change") else { throw .missing(object.at("change")) }
        guard let studentValue = object.member("student") else { throw .missing(object.at("student")) }
        change = try StatusChange(json: changeValue, path: object.at("change"))
        student = try Student(json: studentValue, path: object.at("student"))
    }
}
