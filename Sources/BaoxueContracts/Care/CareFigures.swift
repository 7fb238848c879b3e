/// The care figures the county's yearly summary needs (DOMAIN.md, "Measures"): left-behind children
/// by township and school, surrogate coverage, homes, wishes posted and fulfilled, activities by
/// kind.
public struct CareFigures: Codable, Sendable, Equatable {
    public var year: Int
    public var asOf: CivilDate
    public var children: Int
    public var withSurrogate: Int
    /// Percent, one decimal; absent with no children.
    public var coverage: Double?
    public var surrogates: Int
    public var schools: Int
    public var homes: Int
    public var wishesPosted: Int
    public var wishesClaimed: Int
    public var wishesFulfilled: Int
    public var wishesWithdrawn: Int
    /// Value of the wishes fulfilled, yuan.
    public var wishesFulfilledValue: Int
    /// One line per kind, the year's totals (`month` is the year).
    public var activities: [ActivityCount]
    public var townships: [CareAreaFigures]
    public var schoolLines: [CareAreaFigures]

    public init(year: Int, asOf: CivilDate, children: Int, withSurrogate: Int, coverage: Double?, surrogates: Int, schools: Int, homes: Int, wishesPosted: Int, wishesClaimed: Int, wishesFulfilled: Int, wishesWithdrawn: Int, wishesFulfilledValue: Int, activities: [ActivityCount], townships: [CareAreaFigures], schoolLines: [CareAreaFigures]) {
        self.year = year
        self.asOf = asOf
        self.children = children
        self.withSurrogate = withSurrogate
        self.coverage = coverage
        self.surrogates = surrogates
        self.schools = schools
        self.homes = homes
        self.wishesPosted = wishesPosted
        self.wishesClaimed = wishesClaimed
        self.wishesFulfilled = wishesFulfilled
        self.wishesWithdrawn = wishesWithdrawn
        self.wishesFulfilledValue = wishesFulfilledValue
        self.activities = activities
        self.townships = townships
        self.schoolLines = schoolLines
    }
}
