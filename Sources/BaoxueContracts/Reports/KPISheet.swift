/// The KPI sheet (关键指标): the reader's whole scope first, then each township in it, then each
/// school, for a year as of its end (or today), with the term whose aid coverage it shows.
public struct KPISheet: Codable, Sendable, Equatable {
    public var year: Int
    public var asOf: CivilDate
    public var complete: Bool
    /// The term of ``KPILine/subsidyCoverage``: the one ``asOf`` falls in.
    public var term: Term
    public var lines: [KPILine]
    /// The scope's cases month by month, January to ``asOf`` (the dashboard's trend chart).
    public var trend: [MonthCaseFigures]

    public init(year: Int, asOf: CivilDate, complete: Bool, term: Term, lines: [KPILine], trend: [MonthCaseFigures]) {
        self.year = year
        self.asOf = asOf
        self.complete = complete
        self.term = term
        self.lines = lines
        self.trend = trend
    }
}
