/// `monitor.teaching.start`: a child who cannot attend for illness or disability is taught at
/// home (送教上门) by their school, without ever having dropped out. The child stays enrolled in the
/// registry; the placement keeps their sessions against the yearly quota.
public struct HomeTeachingStart: Codable, Sendable, Equatable {
    /// ID number or student number.
    public var student: String
    /// The teacher who usually goes (a session may name another).
    public var teacher: String
    /// Why the child cannot attend (重度残疾, 长期住院 …).
    public var reason: String
    /// The first day of the placement; today when absent.
    public var startedOn: CivilDate?
    /// Lessons (节) a school year the province asks for; `monitor.homeTeachingLessonsPerYear` when absent.
    public var lessonsPerYear: Int?

    public init(student: String, teacher: String, reason: String, startedOn: CivilDate? = nil, lessonsPerYear: Int? = nil) {
        self.student = student
        self.teacher = teacher
        self.reason = reason
        self.startedOn = startedOn
        self.lessonsPerYear = lessonsPerYear
    }
}
