extension CaseSummary: JSONWritable {
    /// Keys sorted, absent values left out, as `JSONEncoder` with `.sortedKeys` writes them (a
    /// test checks the bytes): every dropout opens a case, and every case change is an event.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("age", age)
        writer.field("causes", strings: causes.lazy.map(\.rawValue))
        writer.field("closedOn", closedOn?.description)
        writer.field("grade", grade)
        writer.field("id", Optional(id))
        writer.field("lastVisitOn", lastVisitOn?.description)
        writer.field("lessons", lessons)
        writer.field("measures", strings: measures.lazy.map(\.rawValue))
        writer.field("nextVisitOn", nextVisitOn?.description)
        writer.field("openedOn", openedOn.description)
        writer.field("origin", origin.rawValue)
        writer.field("outcome", outcome?.rawValue)
        writer.field("probationUntil", probationUntil?.description)
        writer.field("registeredPoor", registeredPoor)
        writer.field("reopened", reopened)
        writer.field("school", school)
        writer.field("schoolName", schoolName)
        writer.field("schoolTeacher", schoolTeacher)
        writer.field("state", state.rawValue)
        writer.field("student", student)
        writer.field("studentName", studentName)
        writer.field("township", township)
        writer.field("townshipOfficial", townshipOfficial)
        writer.field("visits", visits)
        writer.endObject()
    }
}
