extension StudentDetail: JSONReadable {
    /// Every single-student read answers with this; the gateway reads it with the fast path of
    /// ``Student`` and ``StatusChange`` (the rules of `init(from:)`, which the tests compare).
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        guard let studentValue = object.member("student") else { throw .missing(object.at("student")) }
        student = try Student(json: studentValue, path: object.at("student"))
        guard case .array(let elements)? = object.member("changes") else {
            throw object.member("changes") == nil ? .missing(object.at("changes")) : .invalid(object.at("changes"), "expected an array")
        }
        var changes: [StatusChange] = []
        changes.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            changes.append(try StatusChange(json: element, path: object.at("changes[\(index)]")))
        }
        self.changes = changes
    }
}

extension StudentPage: JSONReadable {
    /// Every student list's answer, read with the fast path of ``Student``.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        guard case .array(let elements)? = object.member("students") else {
            throw object.member("students") == nil ? .missing(object.at("students")) : .invalid(object.at("students"), "expected an array")
        }
        var students: [Student] = []
        students.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            students.append(try Student(json: element, path: object.at("students[\(index)]")))
        }
        self.init(students: students, total: try object.int("total"), nextCursor: try object.optionalString("nextCursor"))
    }
}

extension StudentDetail: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("changes")
        writer.beginArray()
        for change in changes { change.write(to: &writer) }
        writer.endArray()
        writer.field("student", student)
        writer.endObject()
    }
}

extension StudentPage: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("nextCursor", nextCursor)
        writer.key("students")
        writer.beginArray()
        for student in students { student.write(to: &writer) }
        writer.endArray()
        writer.field("total", total)
        writer.endObject()
    }
}
