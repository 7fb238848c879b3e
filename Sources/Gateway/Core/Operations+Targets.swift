import BaoxueContracts

/// Responsibility documents (目标责任书), their scores, and the monthly ledger report: thin calls
/// to the monitor, which checks scope where the data lives. Recording a document is audited; the
/// reads hold counts, not children, so they are not.
extension Operations {
    /// Records a signed document (county roles), or supersedes the party's current one with
    /// `replace`. Audited as `target.add`, refusals too.
    public func addTarget(_ request: AddTargetRequest, actor: Actor) async throws -> TargetDocument {
        try await audited(actor, "target.add", detail: { "\($0.year) \($0.partyKind.rawValue) \($0.party) #\($0.id)\($0.replaces.map { " replaces #\($0)" } ?? "")" }) {
            try await clients.monitor.call(MonitorMessage.addTarget, request, as: TargetDocument.self, actor: actor)
        }
    }

    /// Current documents within the actor's scope.
    public func targets(_ query: TargetQuery, actor: Actor) async throws -> [TargetDocument] {
        try await clients.monitor.call(MonitorMessage.listTargets, query, as: [TargetDocument].self, actor: actor)
    }

    /// A year's documents scored from live data.
    public func targetScores(_ query: TargetScoreQuery, actor: Actor) async throws -> TargetScoreSheet {
        try await clients.monitor.call(MonitorMessage.scoreTargets, query, as: TargetScoreSheet.self, actor: actor)
    }

    /// One month of the dropout ledger, by township and by cause.
    public func ledgerReport(_ query: LedgerReportQuery, actor: Actor) async throws -> LedgerReport {
        try await clients.monitor.call(MonitorMessage.ledgerReport, query, as: LedgerReport.self, actor: actor)
    }
}
