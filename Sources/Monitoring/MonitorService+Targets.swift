import BaoxueContracts
import BaoxueMessaging
import BaoxueService

/// The handlers for responsibility targets and the monthly ledger report, registered by one line
/// of ``MonitorService/router`` so the case workflow's handlers stay where they are.
extension MonitorService {
    func registerTargets(on router: inout RequestRouter) {
        let kit = self.kit, store = self.store
        let today = store.settings.today
        // A document is a write: once per request id, so a retried `target add` records one.
        router.on(MonitorMessage.addTarget) { request, context in
            try await kit.write(context) { db in try store.targets.add(db, request, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.listTargets) { query, context in
            try await kit.read { db in try store.targets.list(db, query, actor: context.actor) }
        }
        router.on(MonitorMessage.scoreTargets) { query, context in
            try await kit.read { db in try store.targets.score(db, query, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.ledgerReport) { query, context in
            try await kit.read { db in try store.ledgerReports.report(db, query, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.yearFigures) { query, context in
            try await kit.read { db in try YearFiguresReporter().figures(db, query, actor: context.actor, today: today()) }
        }
    }
}
