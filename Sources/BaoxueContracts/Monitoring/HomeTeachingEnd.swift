/// `monitor.teaching.end`: the placement ends (the child is well enough for class, moves to a
/// special-education school, leaves the county…), dated and with the reason. Its sessions stay.
public struct HomeTeachingEnd: Codable, Sendable, Equatable {
    /// ID number or student number.
    public var student: String
    /// The last day; today when absent.
    public var date: CivilDate?
    public var reason: String

    public init(student: String, date: CivilDate? = nil, reason: String) {
        self.student = student
        self.date = date
        self.reason = reason
    }
}
