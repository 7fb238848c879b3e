/// `monitor.teaching.session`: one visit of home-delivered teaching, logged against the child's
/// placement (送教 XX 节).
public struct HomeTeachingSession: Codable, Sendable, Equatable {
    /// ID number or student number.
    public var student: String
    public var date: CivilDate
    /// Who taught; the placement's teacher when absent.
    public var teacher: String?
    /// Lessons (节) given, 1–10.
    public var lessons: Int

    public init(student: String, date: CivilDate, teacher: String? = nil, lessons: Int) {
        self.student = student
        self.date = date
        self.teacher = teacher
        self.lessons = lessons
    }
}
