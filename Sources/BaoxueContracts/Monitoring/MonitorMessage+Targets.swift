/// The monitor's messages for responsibility targets (目标责任书) and the monthly dropout ledger
/// report (台账月报), kept apart from the case workflow's names.
extension MonitorMessage {
    /// `AddTargetRequest` → `TargetDocument`. County roles only; journaled.
    public static let addTarget = "monitor.targets.add"
    /// `TargetQuery` → `[TargetDocument]`, within the actor's scope.
    public static let listTargets = "monitor.targets.list"
    /// `TargetScoreQuery` → `TargetScoreSheet`: each township and school against its targets.
    public static let scoreTargets = "monitor.targets.score"
    /// `LedgerReportQuery` → `LedgerReport`: the month's cases by township and by cause.
    public static let ledgerReport = "monitor.ledger.report"
}
