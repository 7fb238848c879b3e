/// The monitor's year (``YearFiguresQuery``): the scope's total, each township and school in
/// scope, the casework, the cross-check, and home-delivered teaching since the autumn term began
/// (the county summary says "20XX秋季学期以来…送教XXX节"). Every figure is counted from the
/// monitor's dated logs, so a past year reads as it stood at its end.
public struct MonitorYearFigures: Codable, Sendable, Equatable {
    public var year: Int
    /// The day the figures describe: the year's last day once it is over, else today.
    public var asOf: CivilDate
    public var complete: Bool
    public var township: String?
    public var school: String?
    public var total: AreaFigures
    public var townships: [AreaFigures]
    public var schools: [AreaFigures]
    public var casework: CaseworkFigures
    public var suspects: SuspectFigures
    /// From 1 September of the year to ``asOf`` (empty before September).
    public var teachingSinceAutumn: TeachingFigures
    /// January to the month of ``asOf``: the ledger's trend, as the monthly reports count it.
    public var months: [MonthCaseFigures]

    public init(year: Int, asOf: CivilDate, complete: Bool, township: String?, school: String?, total: AreaFigures, townships: [AreaFigures], schools: [AreaFigures], casework: CaseworkFigures, suspects: SuspectFigures, teachingSinceAutumn: TeachingFigures, months: [MonthCaseFigures]) {
        self.year = year
        self.asOf = asOf
        self.complete = complete
        self.township = township
        self.school = school
        self.total = total
        self.townships = townships
        self.schools = schools
        self.casework = casework
        self.suspects = suspects
        self.teachingSinceAutumn = teachingSinceAutumn
        self.months = months
    }
}
