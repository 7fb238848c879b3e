/// `care.assignments.end`: a child's surrogate parent steps down (moved away, too many children);
/// the child then counts as without one, and the 14-day rule runs again from today.
public struct AssignmentEnd: Codable, Sendable, Equatable {
    public var student: String
    public var reason: String
    public var date: CivilDate?

    public init(student: String, reason: String, date: CivilDate? = nil) {
        self.student = student
        self.reason = reason
        self.date = date
    }
}
