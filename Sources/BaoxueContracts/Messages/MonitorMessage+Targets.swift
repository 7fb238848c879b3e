/// The monitor's messages for responsibility targets (目标责任书) and the monthly dropout ledger
/// report (台账月报), kept apart from the case workflow's names.
extension MonitorMessage {
    /// County roles only; journaled.
    public static let addTarget = Message<AddTargetRequest, TargetDocument>("monitor.targets.add")
    /// Within the actor's scope.
    public static let listTargets = Message<TargetQuery, [TargetDocument]>("monitor.targets.list")
    /// Each township and school against its targets.
    public static let scoreTargets = Message<TargetScoreQuery, TargetScoreSheet>("monitor.targets.score")
    /// The month's cases by township and by cause.
    public static let ledgerReport = Message<LedgerReportQuery, LedgerReport>("monitor.ledger.report")
    /// Within the actor's scope: a year's figures by township and school, for the yearly summary
    /// and the KPI sheet.
    public static let yearFigures = Message<YearFiguresQuery, MonitorYearFigures>("monitor.figures.year")
}
