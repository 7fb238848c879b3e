extension StudentRecord: JSONReadable {
    /// Reads a record from parsed JSON with the same rules as `init(from:)` (the Codable path):
    /// the same required fields, defaults and validations. `StudentRecordTests` checks the two
    /// agree on good and bad input.
    public init(json: JSONValue, path: String) throws(JSONFieldError) {
        let object = try JSONObjectReader(json, path: path)
        func validated<T>(_ key: String, _ make: (String) throws -> T) throws(JSONFieldError) -> T {
            let text = try object.string(key)
            do { return try make(text) } catch {
                let reason = (error as? IDNumber.Problem)?.message ?? (error as? StudentNumber.Problem)?.message ?? "\(error)"
                throw .invalid(object.at(key), reason)
            }
        }
        name = try object.string("name")
        sex = try object.parsed("sex", "expected male or female") { Sex(rawValue: $0) }
        birthDate = try object.parsed("birthDate", "not a date (YYYY-MM-DD)") { CivilDate(parsing: $0) }
        idNumber = object.member("idNumber") == nil ? nil : try validated("idNumber") { try IDNumber(validating: $0) }
        studentNumber = try validated("studentNumber") { try StudentNumber(validating: $0) }
        schoolCode = try object.string("schoolCode")
        grade = try object.int("grade")
        className = try object.optionalString("className")
        enrolledOn = try object.optionalString("enrolledOn")
        householdRegion = try object.optionalString("householdRegion")
        attendance = try object.optionalParsed("attendance", "expected 走读 or 住校") { AttendanceMode(rawValue: $0) } ?? .day
        registeredPoor = try object.optionalBool("registeredPoor") ?? false
        subsistence = try object.optionalBool("subsistence") ?? false
        disability = try object.optionalParsed("disability", "unknown disability category") { Disability(rawValue: $0) } ?? .none
        leftBehind = try object.optionalParsed("leftBehind", "unknown left-behind status") { LeftBehindStatus(rawValue: $0) } ?? .no
        guardianName = try object.optionalString("guardianName")
        guardianPhone = try object.optionalString("guardianPhone")
        householdType = try object.optionalParsed("householdType", "expected 农业户口 or 非农业户口") { HouseholdType(rawValue: $0) }
        orphan = try object.optionalBool("orphan") ?? false
        unattended = try object.optionalBool("unattended") ?? false
    }
}
