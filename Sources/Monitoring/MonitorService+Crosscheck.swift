import BaoxueContracts
import BaoxueMessaging
import BaoxueService

/// The roster, cross-check and ledger requests (rule 5), registered beside the monitor's others.
extension MonitorService {
    func registerCrosscheck(on router: inout RequestRouter) {
        let kit = self.kit, store = self.store
        let today = store.settings.today

        // The largest body the monitor reads: the router parses it with JSONReader outside the
        // write transaction, so the next batch is read while this one is written.
        router.on(MonitorMessage.importRoster) { batch, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in try store.crosscheck.importRoster(db, batch) }
        }
        router.on(MonitorMessage.runCrosscheck) { _, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in try store.crosscheck.run(db, today: today()) }
        }
        router.on(MonitorMessage.listSuspects) { query, context in
            let scoped = try query.scoped(to: context.actor)
            return try await kit.read { db in try store.crosscheck.suspects(db, scoped) }
        }
        router.on(MonitorMessage.verifySuspect) { request, context in
            try await kit.write(context) { db in try store.crosscheck.verify(db, request, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.exportLedger) { request, context in
            var scoped = request
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: request.township, school: request.school)
            return try await kit.read { [scoped] db in try store.ledgers.table(db, scoped, today: today()) }
        }
    }
}
