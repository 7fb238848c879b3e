/// `monitor.figures.year`: the monitor's figures for a calendar year (as of its last day, or
/// today while it runs), within a township or school and the actor's scope. What the yearly work
/// summary and the KPI sheet read (``MonitorYearFigures``).
public struct YearFiguresQuery: Codable, Sendable, Equatable {
    public var year: Int
    public var township: String?
    public var school: String?

    public init(year: Int, township: String? = nil, school: String? = nil) {
        self.year = year
        self.township = township
        self.school = school
    }
}
