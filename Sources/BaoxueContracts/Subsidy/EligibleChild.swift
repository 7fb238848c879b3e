/// One child eligible for one program in a term, with the reasons: the lists, the stage and grade,
/// how they attend. Masked, as every list is.
public struct EligibleChild: Codable, Sendable, Equatable {
    /// Masked student number.
    public var student: String
    public var name: String
    public var township: String
    public var school: String
    public var schoolName: String?
    public var grade: Int
    public var stage: EducationStage
    public var attendance: AttendanceMode
    public var status: StudentStatus
    public var program: String
    public var programName: String
    public var programNameEnglish: String
    public var amountPerTerm: Int64
    public var basis: [EligibilityBasis]

    public init(student: String, name: String, township: String, school: String, schoolName: String?, grade: Int, stage: EducationStage, attendance: AttendanceMode, status: StudentStatus, program: String, programName: String, programNameEnglish: String, amountPerTerm: Int64, basis: [EligibilityBasis]) {
        self.student = student
        self.name = name
        self.township = township
        self.school = school
        self.schoolName = schoolName
        self.grade = grade
        self.stage = stage
        self.attendance = attendance
        self.status = status
        self.program = program
        self.programName = programName
        self.programNameEnglish = programNameEnglish
        self.amountPerTerm = amountPerTerm
        self.basis = basis
    }
}
