/// Everything the county's yearly work summary (控辍保学工作总结) says, gathered from the services
/// at one moment and in the reader's scope: the register's changes, the monitor's year, the
/// responsibility targets' scores, student aid and its coverage, the care of left-behind
/// children, and the figures operators entered. `GET /api/v1/reports/summary` returns it;
/// the Markdown and Word documents are written from it alone, so the three never disagree.
public struct CountySummary: Codable, Sendable, Equatable {
    public var year: Int
    public var asOf: CivilDate
    /// Whether the year is over, so the figures are final rather than progress.
    public var complete: Bool
    public var township: String?
    public var townshipName: String?
    public var school: String?
    public var changes: ChangeTally
    public var monitor: MonitorYearFigures
    public var targets: TargetScoreSheet
    public var aid: SubsidyTotals
    /// The year's terms that have begun: spring, then autumn.
    public var coverage: [CoverageSummary]
    public var care: CareFigures
    public var inputs: [ReportInput]

    public init(year: Int, asOf: CivilDate, complete: Bool, township: String?, townshipName: String?, school: String?, changes: ChangeTally, monitor: MonitorYearFigures, targets: TargetScoreSheet, aid: SubsidyTotals, coverage: [CoverageSummary], care: CareFigures, inputs: [ReportInput]) {
        self.year = year
        self.asOf = asOf
        self.complete = complete
        self.township = township
        self.townshipName = townshipName
        self.school = school
        self.changes = changes
        self.monitor = monitor
        self.targets = targets
        self.aid = aid
        self.coverage = coverage
        self.care = care
        self.inputs = inputs
    }

    /// The value entered for `key`, if any.
    public func input(_ key: ReportInputKey) -> ReportInput? { inputs.first { $0.key == key } }
}
