import BaoxueContracts

/// A student as the roster draw produces them, before they are placed in a class.
///
/// Kept apart from ``StudentRecord`` because the draw must finish before classes can be filled
/// evenly; holding small values here and building each record once, in its final place, saves
/// copying and validating 100,000 full records twice.
struct DrawnStudent {
    var name: String
    var sex: Sex
    var birthDate: CivilDate
    /// The 18 characters of the ID number, or of the `J` student number's body when
    /// ``hasIDNumber`` is false.
    var number: String
    var hasIDNumber: Bool
    var grade: Int
    var householdRegion: String
    var attendance: AttendanceMode
    var registeredPoor: Bool
    var subsistence: Bool
    var disability: Disability
    var leftBehind: LeftBehindStatus
    var guardianName: String
    var guardianPhone: String

    /// The roster record, in school `schoolCode` and class `className`.
    func record(schoolCode: String, className: String, enrolledOn: String) -> StudentRecord {
        var record = StudentRecord.demoTemplate
        if hasIDNumber {
            let idNumber = try! IDNumber(validating: number)  // valid by construction
            record.idNumber = idNumber
            record.studentNumber = StudentNumber(identity: idNumber)
        } else {
            record.idNumber = nil
            record.studentNumber = try! StudentNumber(validating: "J" + number)  // valid by construction
        }
        record.name = name
        record.sex = sex
        record.birthDate = birthDate
        record.schoolCode = schoolCode
        record.grade = grade
        record.className = className
        record.enrolledOn = enrolledOn
        record.householdRegion = householdRegion
        record.attendance = attendance
        record.registeredPoor = registeredPoor
        record.subsistence = subsistence
        record.disability = disability
        record.leftBehind = leftBehind
        record.guardianName = guardianName
        record.guardianPhone = guardianPhone
        // Derived, not drawn, so every other value of the county stays what it was: a household
        // in an urban community (社区, codes 0xx) is non-agricultural, one in a village (村) rural;
        // about 1 child in 400 is an orphan and 1 in 300 unattended (事实无人抚养), picked by the
        // digits of the number.
        let region = householdRegion.utf8
        record.householdType = region.count == 12 && region.dropFirst(9).first == UInt8(ascii: "0") ? .urban : .rural
        let digits = number.utf8.dropLast().suffix(7).reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        record.orphan = digits % 400 == 7
        record.unattended = digits % 300 == 11
        return record
    }
}
