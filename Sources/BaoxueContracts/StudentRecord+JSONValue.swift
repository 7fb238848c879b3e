extension StudentRecord: JSONMembersReadable {
    /// A record's JSON keys, each at its place in ``jsonKeys``, named as its coding keys (its
    /// properties): in the order ``JSONWriter`` writes them (sorted), so a reader finds each at its
    /// first try (``JSONKeys``).
    private enum Key: Int, CaseIterable {
        case attendance, birthDate, className, disability, enrolledOn, grade, guardianName, guardianPhone, householdRegion, householdType
        case idNumber, leftBehind, name, orphan, registeredPoor, schoolCode, sex, studentNumber, subsistence, unattended
    }

    public static let jsonKeys = JSONKeys(names: Key.allCases.map { "\($0)" })

    /// Reads a record with the same rules as `init(from:)` (the Codable path): the same required
    /// fields, defaults and validations. `StudentRecordTests` checks the two agree on good and bad
    /// input, and `ImportBatchReadingTests` that a batch read from its text and from its tree agree.
    public init(members object: JSONMembers) throws(JSONFieldError) {
        func validated<T>(_ key: Key, _ make: (String) throws -> T) throws(JSONFieldError) -> T {
            let text = try object.string(key.rawValue)
            do { return try make(text) } catch {
                let reason = (error as? IDNumber.Problem)?.message ?? (error as? StudentNumber.Problem)?.message ?? "\(error)"
                throw .invalid(object.at(key.rawValue), reason)
            }
        }
        name = try object.string(Key.name.rawValue)
        sex = try object.parsed(Key.sex.rawValue, "expected male or female") { Sex(rawValue: $0) }
        birthDate = try object.parsed(Key.birthDate.rawValue, "not a date (YYYY-MM-DD)") { CivilDate(parsing: $0) }
        idNumber = object.member(Key.idNumber.rawValue) == nil ? nil : try validated(.idNumber) { try IDNumber(validating: $0) }
        studentNumber = try validated(.studentNumber) { try StudentNumber(validating: $0) }
        schoolCode = try object.string(Key.schoolCode.rawValue)
        grade = try object.int(Key.grade.rawValue)
        className = try object.optionalString(Key.className.rawValue)
        enrolledOn = try object.optionalString(Key.enrolledOn.rawValue)
        householdRegion = try object.optionalString(Key.householdRegion.rawValue)
        attendance = try object.optionalParsed(Key.attendance.rawValue, "expected 走读 or 住校") { AttendanceMode(rawValue: $0) } ?? .day
        registeredPoor = try object.optionalBool(Key.registeredPoor.rawValue) ?? false
        subsistence = try object.optionalBool(Key.subsistence.rawValue) ?? false
        disability = try object.optionalParsed(Key.disability.rawValue, "unknown disability category") { Disability(rawValue: $0) } ?? .none
        leftBehind = try object.optionalParsed(Key.leftBehind.rawValue, "unknown left-behind status") { LeftBehindStatus(rawValue: $0) } ?? .no
        guardianName = try object.optionalString(Key.guardianName.rawValue)
        guardianPhone = try object.optionalString(Key.guardianPhone.rawValue)
        householdType = try object.optionalParsed(Key.householdType.rawValue, "expected 农业户口 or 非农业户口") { HouseholdType(rawValue: $0) }
        orphan = try object.optionalBool(Key.orphan.rawValue) ?? false
        unattended = try object.optionalBool(Key.unattended.rawValue) ?? false
    }
}
