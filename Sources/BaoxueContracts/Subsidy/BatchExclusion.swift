/// An eligible child a batch did not pay, with the reason and the date it took effect. Masked.
public struct BatchExclusion: Codable, Sendable, Equatable {
    public var student: String
    public var name: String
    public var township: String
    public var school: String
    public var reason: ExclusionReason
    /// The date of the status change behind the reason.
    public var since: CivilDate?

    public init(student: String, name: String, township: String, school: String, reason: ExclusionReason, since: CivilDate?) {
        self.student = student
        self.name = name
        self.township = township
        self.school = school
        self.reason = reason
        self.since = since
    }
}
