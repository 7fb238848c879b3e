import BaoxueContracts

/// A student as lists show them: ID number, student number and guardian phone masked, so a list
/// never carries the full sensitive values (only the single-record view does).
public struct StudentSummary: Codable, Sendable {
    public var name: String
    public var sex: Sex
    public var birthDate: CivilDate
    public var idNumber: String?
    public var studentNumber: String
    public var school: String
    public var schoolName: String?
    public var township: String
    public var grade: Int
    public var className: String?
    public var status: StudentStatus
    public var registeredPoor: Bool
    public var subsistence: Bool
    public var disability: Disability
    public var leftBehind: LeftBehindStatus
    public var guardianPhone: String?
    public var documentsIncomplete: Bool

    public init(_ student: Student) {
        let record = student.record
        name = record.name
        sex = record.sex
        birthDate = record.birthDate
        idNumber = record.idNumber?.masked
        studentNumber = record.studentNumber.masked
        school = record.schoolCode
        schoolName = student.schoolName
        township = student.township
        grade = record.grade
        className = record.className
        status = student.status
        registeredPoor = record.registeredPoor
        subsistence = record.subsistence
        disability = record.disability
        leftBehind = record.leftBehind
        guardianPhone = record.guardianPhone.map(FieldParsing.maskedPhone)
        documentsIncomplete = student.documentsIncomplete
    }
}
