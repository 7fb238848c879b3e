/// A child on the ledger with a gap in their care: no surrogate parent, or a surrogate who has
/// not been in touch for the period.
public struct GapChild: Codable, Sendable, Equatable {
    /// Masked.
    public var student: String
    public var studentName: String
    public var school: String
    public var township: String
    public var enteredOn: CivilDate
    /// Days since the child entered the ledger (no surrogate), or since the last contact or the
    /// assignment (contact overdue).
    public var days: Int
    public var surrogate: SurrogateRef?
    public var lastContactOn: CivilDate?

    public init(student: String, studentName: String, school: String, township: String, enteredOn: CivilDate, days: Int, surrogate: SurrogateRef?, lastContactOn: CivilDate?) {
        self.student = student
        self.studentName = studentName
        self.school = school
        self.township = township
        self.enteredOn = enteredOn
        self.days = days
        self.surrogate = surrogate
        self.lastContactOn = lastContactOn
    }
}
