import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The handlers for responsibility targets and the monthly ledger report, registered by one line
/// of ``MonitorService/router`` so the case workflow's handlers stay where they are.
extension MonitorService {
    static func registerTargets(on router: inout RequestRouter, database: DatabasePool, store: MonitorStore) {
        let today = store.settings.today
        // A document is a write: once per request id, so a retried `target add` records one.
        router.on(MonitorMessage.addTarget) { (request: AddTargetRequest, context) in
            try await RequestJournal.once(database, context: context) { db in
                try store.addTarget(db, request, actor: context.actor, today: today())
            }
        }
        router.on(MonitorMessage.listTargets) { (query: TargetQuery, context) in
            try await database.read { db in try store.targets(db, query, actor: context.actor) }
        }
        router.on(MonitorMessage.scoreTargets) { (query: TargetScoreQuery, context) in
            try await database.read { db in try store.scoreTargets(db, query, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.ledgerReport) { (query: LedgerReportQuery, context) in
            try await database.read { db in try store.ledgerReport(db, query, actor: context.actor, today: today()) }
        }
    }
}
