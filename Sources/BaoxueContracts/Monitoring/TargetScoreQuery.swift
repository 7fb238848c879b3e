/// Score one year's documents against live data; township and school narrow as in ``TargetQuery``.
public struct TargetScoreQuery: Codable, Sendable, Equatable {
    public var year: Int
    public var township: String?
    public var school: String?

    public init(year: Int, township: String? = nil, school: String? = nil) {
        self.year = year
        self.township = township
        self.school = school
    }
}
