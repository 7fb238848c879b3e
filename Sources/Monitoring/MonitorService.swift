import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB

/// The monitoring service's request handlers: authorise by the actor, run the store operation in
/// a transaction (writes once per request id, through the kit), wake the publisher.
public struct MonitorService: Sendable {
    let kit: ServiceKit
    let store: MonitorStore
    /// The registry follower, whose cursor and staleness `service.status` shows.
    let registry: EventSubscriber?

    public init(kit: ServiceKit, store: MonitorStore, registry: EventSubscriber? = nil) {
        self.kit = kit
        self.store = store
        self.registry = registry
    }

    public var router: RequestRouter {
        var router = RequestRouter()
        let kit = self.kit, store = self.store
        let today = store.settings.today

        router.on(MonitorMessage.reportAbsence) { report, context in
            try await kit.write(context) { db in
                try store.absences.report(db, report, school: nil, actor: context.actor, today: today())
                return EmptyBody()
            }
        }
        router.on(MonitorMessage.importAbsences) { batch, context in
            try await kit.write(context) { db in try store.absences.importBatch(db, batch, actor: context.actor, today: today()) }
        }
        router.on(MonitorMessage.listAlerts) { query, context in
            let scoped = try query.scoped(to: context.actor)
            return try await kit.read { db in try store.alerts.list(db, scoped) }
        }
        router.on(MonitorMessage.getAlert) { key, context in
            let alert = try await kit.read { db in try store.alerts.alert(db, id: key.id) }
            guard let alert else { throw AccessScope(context.actor).missing(AlertStore.noSuchAlert(key.id)) }
            try AccessScope(context.actor).requireReach(township: alert.township, school: alert.school)
            return alert
        }
        router.on(MonitorMessage.acknowledgeAlert) { request, context in
            try await kit.write(context) { db in try store.alerts.acknowledge(db, request, actor: context.actor) }
        }
        router.on(MonitorMessage.listCases) { query, context in
            let scoped = try query.scoped(to: context.actor)
            return try await kit.read { db in try store.cases.list(db, scoped, today: today()) }
        }
        router.on(MonitorMessage.getCase) { key, context in
            let file = try await kit.read { db in try store.cases.file(db, id: key.id, today: today()) }
            guard let file else { throw AccessScope(context.actor).missing(CaseStore.noSuchCase(key.id)) }
            try AccessScope(context.actor).requireReach(township: file.summary.township, school: file.summary.school)
            return file
        }
        /// A step of casework: done once per request id, answered with the case file as it now
        /// stands. `step` answers the case's id.
        func caseStep<Request>(_ message: Message<Request, CaseFile>, _ step: @escaping @Sendable (Database, Request, Actor, CivilDate) throws -> Int64) {
            router.on(message) { request, context in
                try await kit.write(context) { db in
                    let id = try step(db, request, context.actor, today())
                    return try store.cases.file(db, id: id, today: today())!
                }
            }
        }
        caseStep(MonitorMessage.openCase) { db, request, actor, today in try store.cases.open(db, request, actor: actor, today: today) }
        caseStep(MonitorMessage.assignCase) { db, request, actor, today in try store.cases.assign(db, request, actor: actor, today: today); return request.id }
        caseStep(MonitorMessage.planCase) { db, request, actor, today in try store.cases.plan(db, request, actor: actor, today: today); return request.id }
        caseStep(MonitorMessage.recordVisit) { db, request, actor, today in try store.cases.visit(db, request, actor: actor, today: today); return request.id }
        caseStep(MonitorMessage.recordLegalStep) { db, request, actor, today in try store.cases.step(db, request, actor: actor, today: today); return request.id }
        caseStep(MonitorMessage.recordTeaching) { db, request, actor, today in try store.cases.teach(db, request, actor: actor, today: today); return request.id }
        caseStep(MonitorMessage.closeCase) { db, request, actor, today in try store.cases.close(db, request, actor: actor, today: today); return request.id }
        router.on(MonitorMessage.calendar) { _, _ in
            try await kit.read { db in try store.calendar.view(db) }
        }
        /// A calendar change, then the time rules run again by it (a term that starts later
        /// resolves the alerts it made too early), in one transaction.
        func calendarChange<Request>(_ message: Message<Request, CalendarView>, _ change: @escaping @Sendable (Database, Request) throws -> Void) {
            router.on(message) { request, context in
                try AccessScope(context.actor).requireCountyWrite()
                return try await kit.write(context) { db in
                    try change(db, request)
                    _ = try store.rules.sweep(db, today: today())
                    return try store.calendar.view(db)
                }
            }
        }
        calendarChange(MonitorMessage.setTerm) { db, term in try store.calendar.set(db, term: term) }
        calendarChange(MonitorMessage.removeTerm) { db, key in try store.calendar.remove(db, term: key.name) }
        calendarChange(MonitorMessage.setDays) { db, change in try store.calendar.set(db, change) }
        router.on(MonitorMessage.sweep) { _, context in
            let role = Role(rawValue: context.actor.role)
            guard role == .countyAdmin || role == .countyOperator || role == .system else {
                throw AccessScope.forbidden("运行监测扫描 (running the sweep needs a county operator)")
            }
            return try await kit.write(context) { db in try store.rules.sweep(db, today: today()) }
        }
        registerTargets(on: &router)
        registerCrosscheck(on: &router)
        registerTeaching(on: &router)
        return router
    }
}
