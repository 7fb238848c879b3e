/// Home-delivered teaching (送教上门) in a period: the children taught, the lessons (节) and visits
/// delivered, counting sessions logged on a placement and those logged on a case before it
/// closed, and the lessons the placements' yearly quotas called for over the same days.
public struct TeachingFigures: Codable, Sendable, Equatable {
    /// Children with at least one session in the period.
    public var children: Int
    public var lessons: Int
    public var sessions: Int
    /// Placements that ran on at least one day of the period.
    public var placements: Int
    /// The lessons those placements' quotas ask for over the days each ran within the period
    /// (lessons a year × days ÷ the year's days), rounded down (decision 128).
    public var quotaLessons: Int

    public init(children: Int = 0, lessons: Int = 0, sessions: Int = 0, placements: Int = 0, quotaLessons: Int = 0) {
        self.children = children
        self.lessons = lessons
        self.sessions = sessions
        self.placements = placements
        self.quotaLessons = quotaLessons
    }

    /// Lessons delivered ÷ lessons due, percent rounded down to one decimal; absent when none
    /// were due.
    public var quotaRate: Double? {
        quotaLessons > 0 ? Double(lessons * 1_000 / quotaLessons) / 10 : nil
    }
}
