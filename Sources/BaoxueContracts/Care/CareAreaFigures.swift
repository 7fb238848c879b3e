/// The ledger and surrogate coverage of one township or school.
public struct CareAreaFigures: Codable, Sendable, Equatable {
    public var township: String
    /// Absent on township lines.
    public var school: String?
    public var schoolName: String?
    /// Children on the ledger.
    public var children: Int
    /// Of them, with a surrogate parent.
    public var withSurrogate: Int
    /// Whether the school has a home (school lines only).
    public var hasHome: Bool?
    /// Surrogate coverage in percent, one decimal (children with a surrogate ÷ children on the
    /// ledger); absent when there are no children.
    public var coverage: Double?

    public init(township: String, school: String?, schoolName: String?, children: Int, withSurrogate: Int, hasHome: Bool?) {
        self.township = township
        self.school = school
        self.schoolName = schoolName
        self.children = children
        self.withSurrogate = withSurrogate
        self.hasHome = hasHome
        coverage = Self.coverage(children: children, withSurrogate: withSurrogate)
    }

    /// Percent with one decimal, rounded down (99.96% is 99.9%, never a 100% that is not).
    public static func coverage(children: Int, withSurrogate: Int) -> Double? {
        children == 0 ? nil : Double(withSurrogate * 1000 / children) / 10
    }
}
