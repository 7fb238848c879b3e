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
