/// `subsidy.totals.get`: the year's aid as the county reports it (spring and autumn term of the
/// calendar year). Scope narrows township and school.
public struct TotalsQuery: Codable, Sendable {
    public var year: Int
    public var township: String?
    public var school: String?

    public init(year: Int, township: String? = nil, school: String? = nil) {
        self.year = year
        self.township = township
        self.school = school
    }
}
