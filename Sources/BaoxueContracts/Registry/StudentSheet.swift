/// A student as people see one: in lists (always masked) and in the single-record view (masked
/// for viewers, full for roles allowed to see the numbers). One shape for both, so a client reads
/// the same fields everywhere and `masked` says which form it got.
///
/// Masked (``Masking``): ID number `510123********123X`, student number `G510123********123X`,
/// guardian phone `138****5678`, household region to its county (`510123`), guardian name to its
/// first character, and the birth date to its year: the masked ID number hides exactly the birth
/// date's 8 digits, so a date beside it would give the number back (decision 111).
public struct StudentSheet: Codable, Sendable {
    public var name: String
    public var sex: Sex
    /// The full birth date, in an unmasked record only.
    public var birthDate: CivilDate?
    /// The birth year, in a masked record only (instead of ``birthDate``).
    public var birthYear: Int?
    public var idNumber: String?
    public var studentNumber: String
    public var school: String
    public var schoolName: String?
    public var township: String
    public var grade: Int
    public var className: String?
    public var enrolledOn: String?
    public var householdRegion: String?
    public var attendance: AttendanceMode
    public var status: StudentStatus
    public var registeredPoor: Bool
    public var subsistence: Bool
    public var disability: Disability
    public var leftBehind: LeftBehindStatus
    public var householdType: HouseholdType?
    public var orphan: Bool
    public var unattended: Bool
    public var guardianName: String?
    public var guardianPhone: String?
    public var documentsIncomplete: Bool
    public var updatedAt: String
    public var revision: Int
    /// Whether the sensitive values above are masked.
    public var masked: Bool

    public init(_ student: Student, masked: Bool) {
        let record = student.record
        name = record.name
        sex = record.sex
        school = record.schoolCode
        schoolName = student.schoolName
        township = student.township
        grade = record.grade
        className = record.className
        enrolledOn = record.enrolledOn
        attendance = record.attendance
        status = student.status
        registeredPoor = record.registeredPoor
        subsistence = record.subsistence
        disability = record.disability
        leftBehind = record.leftBehind
        householdType = record.householdType
        orphan = record.orphan
        unattended = record.unattended
        documentsIncomplete = student.documentsIncomplete
        updatedAt = student.updatedAt
        revision = student.revision
        self.masked = masked
        if masked {
            birthYear = Masking.birthYear(record.birthDate)
            idNumber = record.idNumber?.masked
            studentNumber = record.studentNumber.masked
            householdRegion = record.householdRegion.map(Masking.householdRegion)
            guardianName = record.guardianName.map(Masking.personName)
            guardianPhone = record.guardianPhone.map(Masking.phone)
        } else {
            birthDate = record.birthDate
            idNumber = record.idNumber?.value
            studentNumber = record.studentNumber.value
            householdRegion = record.householdRegion
            guardianName = record.guardianName
            guardianPhone = record.guardianPhone
        }
    }
}
