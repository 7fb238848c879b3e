import BaoxueContracts

/// Responsibility documents (目标责任书), their scores, and the monthly ledger report: thin calls
/// to the monitor, which checks scope where the data lives. Recording a document is audited; the
/// reads hold counts, not children, so they are not.
public struct TargetOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    let registry: RegistryOperations

    /// Records a signed document (county roles), or supersedes the party's current one with
    /// `replace`. Audited as `target.add`, refusals too.
    public func addTarget(_ request: AddTargetRequest, actor: Actor) async throws -> TargetDocument {
        try await auditor.audited(actor, "target.add", detail: { "\($0.year) \($0.partyKind.rawValue) \($0.party) #\($0.id)\($0.replaces.map { " replaces #\($0)" } ?? "")" }) {
            try await clients.monitor.call(MonitorMessage.addTarget, request, actor: actor)
        }
    }

    /// Current documents within the actor's scope, townships named.
    public func targets(_ query: TargetQuery, actor: Actor) async throws -> [TargetDocument] {
        let documents = try await clients.monitor.call(MonitorMessage.listTargets, query, actor: actor)
        let names = await registry.townshipNames(actor: actor)
        return documents.map { Self.named($0, names) }
    }

    /// A year's documents scored from live data, with the consolidation rate's lines, townships
    /// named.
    public func targetScores(_ query: TargetScoreQuery, actor: Actor) async throws -> TargetScoreSheet {
        var sheet = try await clients.monitor.call(MonitorMessage.scoreTargets, query, actor: actor)
        let names = await registry.townshipNames(actor: actor)
        for index in sheet.scores.indices { sheet.scores[index].document = Self.named(sheet.scores[index].document, names) }
        if var lines = sheet.consolidation {
            for index in lines.indices { lines[index].townshipName = names[lines[index].township] }
            sheet.consolidation = lines
        }
        return sheet
    }

    /// One month of the dropout ledger, by township and by cause, townships named.
    public func ledgerReport(_ query: LedgerReportQuery, actor: Actor) async throws -> LedgerReport {
        var report = try await clients.monitor.call(MonitorMessage.ledgerReport, query, actor: actor)
        let names = await registry.townshipNames(actor: actor)
        for index in report.byTownship.indices { report.byTownship[index].townshipName = names[report.byTownship[index].township] }
        return report
    }

    static func named(_ document: TargetDocument, _ names: [String: String]) -> TargetDocument {
        var document = document
        if document.partyKind == .township, document.partyName == nil { document.partyName = names[document.party] }
        return document
    }
}
