extension Student: JSONReadable {
    /// Every registry event carries a `Student`, and every follower reads it: this is the fast
    /// path, with the rules of `init(from:)` (`StudentRecordTests` checks they agree).
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        guard let recordValue = object.member("record") else { throw .missing(object.at("record")) }
        record = try StudentRecord(json: recordValue, path: object.at("record"))
        status = try object.parsed("status", "unknown status") { StudentStatus(rawValue: $0) }
        township = try object.string("township")
        schoolName = try object.optionalString("schoolName")
        documentsIncomplete = try object.bool("documentsIncomplete")
        updatedAt = try object.string("updatedAt")
        revision = try object.int("revision")
    }
}
