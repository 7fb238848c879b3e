/// A case as lists show it: the child by name and masked number, the pair responsible, where the
/// work stands.
public struct CaseSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var state: CaseState
    public var origin: CaseOrigin
    public var studentName: String
    /// Masked student number.
    public var student: String
    public var township: String
    public var school: String
    public var schoolName: String?
    public var grade: Int
    /// The age the child reaches this calendar year (``Masking/ageByYear(_:on:)``; beside a
    /// masked number, never an age that changes on the birthday): 14–16 may be offered
    /// vocational school.
    public var age: Int
    public var registeredPoor: Bool
    public var openedOn: CivilDate
    public var townshipOfficial: String?
    public var schoolTeacher: String?
    public var causes: [DropoutCause]
    public var measures: [CaseMeasure]
    public var visits: Int
    public var lastVisitOn: CivilDate?
    public var nextVisitOn: CivilDate?
    /// Home-delivered lessons this school year (from 1 September), the figure the yearly quota
    /// is about; the case file lists every session.
    public var lessons: Int
    public var outcome: CaseOutcome?
    public var closedOn: CivilDate?
    public var probationUntil: CivilDate?
    /// Times the case was reopened (absence during probation, a new dropout).
    public var reopened: Int

    public init(id: Int64, state: CaseState, origin: CaseOrigin, studentName: String, student: String, township: String, school: String, schoolName: String?, grade: Int, age: Int, registeredPoor: Bool, openedOn: CivilDate, townshipOfficial: String?, schoolTeacher: String?, causes: [DropoutCause], measures: [CaseMeasure], visits: Int, lastVisitOn: CivilDate?, nextVisitOn: CivilDate?, lessons: Int, outcome: CaseOutcome?, closedOn: CivilDate?, probationUntil: CivilDate?, reopened: Int) {
        self.id = id
        self.state = state
        self.origin = origin
        self.studentName = studentName
        self.student = student
        self.township = township
        self.school = school
        self.schoolName = schoolName
        self.grade = grade
        self.age = age
        self.registeredPoor = registeredPoor
        self.openedOn = openedOn
        self.townshipOfficial = townshipOfficial
        self.schoolTeacher = schoolTeacher
        self.causes = causes
        self.measures = measures
        self.visits = visits
        self.lastVisitOn = lastVisitOn
        self.nextVisitOn = nextVisitOn
        self.lessons = lessons
        self.outcome = outcome
        self.closedOn = closedOn
        self.probationUntil = probationUntil
        self.reopened = reopened
    }

    /// Both lines named (双线控辍): without them the case cannot move on.
    public var isAssigned: Bool { townshipOfficial != nil && schoolTeacher != nil }
    /// 14–16: vocational school is a measure the plan may offer.
    public var vocationalEligible: Bool { (14...16).contains(age) }
}
