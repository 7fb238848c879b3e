extension Alert: JSONWritable {
    /// Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them (a test checks the bytes): a
    /// cross-check run publishes an alert per new suspect, tens of thousands in a county's first.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("acknowledgedAt", acknowledgedAt)
        writer.field("acknowledgedBy", acknowledgedBy)
        writer.field("caseID", caseID)
        writer.field("createdAt", createdAt)
        writer.field("id", Optional(id))
        writer.field("note", note)
        writer.field("resolution", resolution)
        writer.field("resolvedAt", resolvedAt)
        writer.field("rule", rule.rawValue)
        writer.field("school", school)
        writer.field("service", service.rawValue)
        writer.field("severity", severity.rawValue)
        writer.field("state", state.rawValue)
        writer.field("student", student)
        writer.field("studentName", studentName)
        writer.field("text", text)
        writer.field("textEnglish", textEnglish)
        writer.field("township", township)
        writer.endObject()
    }
}

extension Alert: JSONReadable {
    /// Every alert event is read by the gateway's follower, its stream and the watchers.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        id = Int64(try object.int("id"))
        service = try object.member("service") == nil ? .monitor : object.parsed("service", "unknown service") { ServiceName(rawValue: $0) }
        rule = try object.parsed("rule", "unknown rule") { AlertRule(rawValue: $0) }
        severity = try object.parsed("severity", "unknown severity") { AlertSeverity(rawValue: $0) }
        state = try object.parsed("state", "unknown state") { AlertState(rawValue: $0) }
        studentName = try object.string("studentName")
        student = try object.string("student")
        township = try object.string("township")
        school = try object.string("school")
        text = try object.string("text")
        textEnglish = try object.string("textEnglish")
        createdAt = try object.string("createdAt")
        acknowledgedAt = try object.optionalString("acknowledgedAt")
        acknowledgedBy = try object.optionalString("acknowledgedBy")
        note = try object.optionalString("note")
        resolvedAt = try object.optionalString("resolvedAt")
        resolution = try object.optionalString("resolution")
        caseID = try object.optionalInt("caseID").map(Int64.init)
    }
}
