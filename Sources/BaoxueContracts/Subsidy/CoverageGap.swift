/// An eligible child without a payment for the term, and why. Masked.
public struct CoverageGap: Codable, Sendable, Equatable {
    public var student: String
    public var name: String
    public var township: String
    public var school: String
    public var program: String
    public var kind: CoverageGapKind
    /// The stated reason in words (the exclusion, the bank's reason), when there is one.
    public var reason: String?

    public init(student: String, name: String, township: String, school: String, program: String, kind: CoverageGapKind, reason: String?) {
        self.student = student
        self.name = name
        self.township = township
        self.school = school
        self.program = program
        self.kind = kind
        self.reason = reason
    }
}
