/// The single-student read and the student list answer with these; written in place with the
/// keys in sorted order, the bytes `JSONEncoder` with `.sortedKeys` writes (the HTTP tests
/// compare the two), at a fraction of its cost.
extension StudentSheet: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("attendance", attendance.rawValue)
        writer.field("birthDate", birthDate?.description)
        writer.field("birthYear", birthYear.map(Int64.init))
        writer.field("className", className)
        writer.field("disability", disability.rawValue)
        writer.field("documentsIncomplete", documentsIncomplete)
        writer.field("enrolledOn", enrolledOn)
        writer.field("grade", grade)
        writer.field("guardianName", guardianName)
        writer.field("guardianPhone", guardianPhone)
        writer.field("householdRegion", householdRegion)
        writer.field("householdType", householdType?.rawValue)
        writer.field("idNumber", idNumber)
        writer.field("leftBehind", leftBehind.rawValue)
        writer.field("masked", masked)
        writer.field("name", name)
        writer.field("orphan", orphan)
        writer.field("registeredPoor", registeredPoor)
        writer.field("revision", revision)
        writer.field("school", school)
        writer.field("schoolName", schoolName)
        writer.field("sex", sex.rawValue)
        writer.field("status", status.rawValue)
        writer.field("studentNumber", studentNumber)
        writer.field("subsistence", subsistence)
        writer.field("township", township)
        writer.field("unattended", unattended)
        writer.field("updatedAt", updatedAt)
        writer.endObject()
    }
}

extension StudentSheetPage: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("nextCursor", nextCursor)
        writer.field("students", students)
        writer.field("total", total)
        writer.endObject()
    }
}
