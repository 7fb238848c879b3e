extension RosterChild: JSONWritable, JSONReadable {
    /// Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("guardianName", guardianName)
        writer.field("guardianPhone", guardianPhone)
        writer.field("householdRegion", householdRegion)
        writer.field("idNumber", idNumber.value)
        writer.field("name", name)
        writer.endObject()
    }

    /// Reads a record from parsed JSON with the rules of `init(from:)`: the ID number validated,
    /// the other fields as strings.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        let idText = try object.string("idNumber")
        do { idNumber = try IDNumber(validating: idText) } catch { throw .invalid(object.at("idNumber"), error.message) }
        name = try object.string("name")
        householdRegion = try object.string("householdRegion")
        guardianName = try object.optionalString("guardianName")
        guardianPhone = try object.optionalString("guardianPhone")
    }
}
