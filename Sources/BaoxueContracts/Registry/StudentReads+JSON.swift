extension StudentDetail: JSONReadable, JSONWritable {
    /// Every single-student read answers with this; the gateway reads it with the fast path of
    /// ``Student`` and ``StatusChange`` (the rules of `init(from:)`, which the tests compare).
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        guard let studentValue = object.member("student") else { throw .missing(object.at("student")) }
        guard let changesValue = object.member("changes") else { throw .missing(object.at("changes")) }
        self.init(student: try Student(json: studentValue, path: object.at("student")), changes: try [StatusChange](json: changesValue, path: object.at("changes")))
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("changes", changes)
        writer.field("student", student)
        writer.endObject()
    }
}
