import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The monitoring service's request handlers: authorise by the actor, run the store operation in
/// a transaction (writes once per request id), wake the publisher.
public struct MonitorService: Sendable {
    public static let version = "0.1.0"
    let database: DatabasePool
    let store: MonitorStore
    let publisher: EventPublisher
    /// The registry follower, whose cursor and staleness `service.status` shows.
    let subscriber: EventSubscriber?
    let startedAt = Timestamp.now()

    public init(database: DatabasePool, store: MonitorStore, publisher: EventPublisher, subscriber: EventSubscriber? = nil) {
        self.database = database
        self.store = store
        self.publisher = publisher
        self.subscriber = subscriber
    }

    var today: CivilDate { store.settings.today() }

    public var router: RequestRouter {
        var router = RequestRouter()
        let database = self.database, store = self.store, publisher = self.publisher, startedAt = self.startedAt
        let today = store.settings.today

        /// A write: once per request id, then the publisher is woken.
        @Sendable func write<Output: Codable & Sendable>(_ context: RequestContext, _ work: @escaping @Sendable (Database) throws -> Output) async throws -> Output {
            let output = try await RequestJournal.once(database, context: context, work)
            await publisher.wake()
            return output
        }

        router.on(MonitorMessage.reportAbsence) { (report: AbsenceReport, context) in
            try await write(context) { db in
                try store.reportAbsence(db, report, school: nil, actor: context.actor, today: today())
                return EmptyBody()
            }
        }
        router.on(MonitorMessage.importAbsences) { (batch: AbsenceBatch, context) in
            try await write(context) { db in try store.importAbsences(db, batch, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.listAlerts) { (query: AlertQuery, context) in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            scoped.limit = min(max(query.limit, 1), 1_000)
            return try await database.read { [scoped] db in try store.alerts(db, scoped) }
        }
        router.on(MonitorMessage.getAlert) { (key: RecordID, context) in
            let alert = try await database.read { db in try store.alert(db, id: key.id) }
            guard let alert else { throw MonitorStore.noSuchAlert(key.id) }
            try AccessScope(context.actor).requireReach(township: alert.township, school: alert.school)
            return alert
        }
        router.on(MonitorMessage.acknowledgeAlert) { (request: AlertAcknowledgement, context) in
            try await write(context) { db in try store.acknowledge(db, request, actor: context.actor) }
        }
        router.on(MonitorMessage.listCases) { (query: CaseQuery, context) in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            scoped.limit = min(max(query.limit, 1), 1_000)
            return try await database.read { [scoped] db in try store.cases(db, scoped, today: today()) }
        }
        router.on(MonitorMessage.getCase) { (key: RecordID, context) in
            let file = try await database.read { db in try store.caseFile(db, id: key.id, today: today()) }
            guard let file else { throw MonitorStore.noSuchCase(key.id) }
            try AccessScope(context.actor).requireReach(township: file.summary.township, school: file.summary.school)
            return file
        }
        router.on(MonitorMessage.openCase) { (request: OpenCaseRequest, context) in
            try await write(context) { db in
                let id = try store.openCase(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: id, today: today())!
            }
        }
        router.on(MonitorMessage.assignCase) { (request: AssignCaseRequest, context) in
            try await write(context) { db in
                try store.assign(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: request.id, today: today())!
            }
        }
        router.on(MonitorMessage.planCase) { (request: PlanCaseRequest, context) in
            try await write(context) { db in
                try store.plan(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: request.id, today: today())!
            }
        }
        router.on(MonitorMessage.recordVisit) { (request: VisitRequest, context) in
            try await write(context) { db in
                try store.visit(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: request.id, today: today())!
            }
        }
        router.on(MonitorMessage.recordLegalStep) { (request: LegalStepRequest, context) in
            try await write(context) { db in
                try store.step(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: request.id, today: today())!
            }
        }
        router.on(MonitorMessage.recordTeaching) { (request: TeachingRequest, context) in
            try await write(context) { db in
                try store.teach(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: request.id, today: today())!
            }
        }
        router.on(MonitorMessage.closeCase) { (request: CloseCaseRequest, context) in
            try await write(context) { db in
                try store.close(db, request, actor: context.actor, today: today())
                return try store.caseFile(db, id: request.id, today: today())!
            }
        }
        router.on(MonitorMessage.sweep) { (_: SweepRequest, context) in
            let role = Role(rawValue: context.actor.role)
            guard role == .countyAdmin || role == .countyOperator || role == .system else {
                throw AccessScope.forbidden("运行监测扫描 (running the sweep needs a county operator)")
            }
            return try await write(context) { db in try store.sweep(db, today: today()) }
        }
        router.on(ServiceHealth.requestType) { [subscriber] (_: EmptyBody, _) in
            let subscriptions = if let subscriber { [await subscriber.status] } else { [SubscriberStatus]() }
            return try await database.read { db in
                ServiceHealth(
                    service: "monitor", version: MonitorService.version, pid: ProcessInfo.processInfo.processIdentifier,
                    startedAt: startedAt, lastSeq: try Outbox.lastSeq(db),
                    counts: [
                        "students": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0,
                        "openAlerts": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE state != 'resolved'") ?? 0,
                        "openCases": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dropout_case WHERE state = 'open'") ?? 0,
                        "absences": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM absence") ?? 0,
                        "registryCursor": Int(try Int64.fetchOne(db, sql: "SELECT seq FROM subscriber_cursor WHERE publisher = 'registry'") ?? 0),
                    ],
                    subscriptions: subscriptions)
            }
        }
        MonitorService.registerTargets(on: &router, database: database, store: store)
        registerCrosscheck(on: &router)
        EventPublisher.registerReplay(publisher: "monitor", on: &router, database: database)
        return router
    }
}
