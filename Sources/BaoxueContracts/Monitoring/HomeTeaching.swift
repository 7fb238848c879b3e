/// A home-delivered teaching placement (送教上门) as lists and replies show it: the child (ID
/// masked), the school that teaches them, and this school year's lessons against the quota.
public struct HomeTeaching: Codable, Sendable, Equatable {
    public var id: Int64
    /// The student number, masked.
    public var student: String
    public var studentName: String
    public var township: String
    public var school: String
    public var startedOn: CivilDate
    public var reason: String
    public var teacher: String
    /// The case it came from (closed as 送教上门), if any.
    public var caseID: Int64?
    /// The school year counted (`2026-2027`: 1 September to 31 August).
    public var schoolYear: String
    public var lessonsPerYear: Int
    public var sessionsThisYear: Int
    public var lessonsThisYear: Int
    /// The quota's share for the part of the school year gone by (from the start of the
    /// placement or of the year, whichever is later): behind when ``lessonsThisYear`` is less.
    public var expectedByNow: Int
    public var lastSessionOn: CivilDate?
    public var endedOn: CivilDate?
    public var endReason: String?

    public var isBehind: Bool { endedOn == nil && lessonsThisYear < expectedByNow }

    public init(id: Int64, student: String, studentName: String, township: String, school: String, startedOn: CivilDate, reason: String, teacher: String, caseID: Int64?, schoolYear: String, lessonsPerYear: Int, sessionsThisYear: Int, lessonsThisYear: Int, expectedByNow: Int, lastSessionOn: CivilDate?, endedOn: CivilDate?, endReason: String?) {
        self.id = id
        self.student = student
        self.studentName = studentName
        self.township = township
        self.school = school
        self.startedOn = startedOn
        self.reason = reason
        self.teacher = teacher
        self.caseID = caseID
        self.schoolYear = schoolYear
        self.lessonsPerYear = lessonsPerYear
        self.sessionsThisYear = sessionsThisYear
        self.lessonsThisYear = lessonsThisYear
        self.expectedByNow = expectedByNow
        self.lastSessionOn = lastSessionOn
        self.endedOn = endedOn
        self.endReason = endReason
    }
}
