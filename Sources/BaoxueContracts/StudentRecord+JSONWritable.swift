extension StudentRecord: JSONWritable {
    /// Keys in sorted order, as `JSONEncoder` with `.sortedKeys` writes them; `StudentRecordTests`
    /// checks the two agree byte for byte.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("attendance", attendance.rawValue)
        writer.field("birthDate", birthDate.description)
        writer.field("className", className)
        writer.field("disability", disability.rawValue)
        writer.field("enrolledOn", enrolledOn)
        writer.field("grade", grade)
        writer.field("guardianName", guardianName)
        writer.field("guardianPhone", guardianPhone)
        writer.field("householdRegion", householdRegion)
        writer.field("householdType", householdType?.rawValue)
        writer.field("idNumber", idNumber?.value)
        writer.field("leftBehind", leftBehind.rawValue)
        writer.field("name", name)
        writer.field("orphan", orphan)
        writer.field("registeredPoor", registeredPoor)
        writer.field("schoolCode", schoolCode)
        writer.field("sex", sex.rawValue)
        writer.field("studentNumber", studentNumber.value)
        writer.field("subsistence", subsistence)
        writer.field("unattended", unattended)
        writer.endObject()
    }
}

extension Student: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("documentsIncomplete", documentsIncomplete)
        writer.field("record", record)
        writer.field("revision", revision)
        writer.field("schoolName", schoolName)
        writer.field("status", status.rawValue)
        writer.field("township", township)
        writer.field("updatedAt", updatedAt)
        writer.endObject()
    }
}

extension NumberedRow: JSONWritable where Record: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("record", record)
        writer.field("row", row)
        writer.endObject()
    }
}

extension Actor: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("role", role)
        writer.field("school", school)
        writer.field("township", township)
        writer.field("user", user)
        writer.field("via", via)
        writer.endObject()
    }
}
