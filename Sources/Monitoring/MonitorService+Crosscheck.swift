import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The roster, cross-check and ledger requests (rule 5), registered beside the monitor's others.
extension MonitorService {
    func registerCrosscheck(on router: inout RequestRouter) {
        let database = self.database, store = self.store, publisher = self.publisher
        let today = store.settings.today

        router.onRaw(MonitorMessage.importRoster) { envelope, context in
            try AccessScope(context.actor).requireCountyWrite()
            // The largest body the monitor reads: parsed with JSONReader outside the write
            // transaction, so the next batch is read while this one is written.
            let batch: RosterBatch
            do {
                batch = try RosterBatch.read(json: envelope.body)
            } catch {
                throw ServiceError.malformed("body of \(MonitorMessage.importRoster): \(error)")
            }
            let report = try await RequestJournal.once(database, context: context) { db in try store.importRoster(db, batch) }
            return try Reply(report)
        }
        router.on(MonitorMessage.runCrosscheck) { (_: CrosscheckRunRequest, context) in
            try AccessScope(context.actor).requireCountyWrite()
            let report = try await RequestJournal.once(database, context: context) { db in try store.runCrosscheck(db, today: today()) }
            await publisher.wake()
            return report
        }
        router.on(MonitorMessage.listSuspects) { (query: SuspectQuery, context) in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            scoped.limit = min(max(query.limit, 1), 1_000)
            return try await database.read { [scoped] db in try store.suspects(db, scoped) }
        }
        router.on(MonitorMessage.verifySuspect) { (request: SuspectVerification, context) in
            let verified = try await RequestJournal.once(database, context: context) { db in
                try store.verifySuspect(db, request, actor: context.actor, today: today())
            }
            await publisher.wake()
            return verified
        }
        router.onRaw(MonitorMessage.exportLedger) { envelope, context in
            let request = try envelope.decodeBody(LedgerRequest.self)
            var scoped = request
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: request.township, school: request.school)
            let table = try await database.read { [scoped] db in try store.ledger(db, scoped, today: today()) }
            return Reply(body: Data(table.jsonBytes(capacity: 256 * (table.rows.count + 1))))
        }
    }
}
