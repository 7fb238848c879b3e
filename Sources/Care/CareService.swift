import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// The care service's request handlers: authorise by the actor, run the store operation in a
/// transaction (writes once per request id, through the kit), wake the publisher.
public struct CareService: Sendable {
    let kit: ServiceKit
    let store: CareStore

    public init(kit: ServiceKit, store: CareStore) {
        self.kit = kit
        self.store = store
    }

    public var router: RequestRouter {
        var router = RequestRouter()
        let kit = self.kit, store = self.store
        let today = store.settings.today

        // MARK: The ledger
        router.on(CareMessage.recordChild) { request, context in
            try await kit.write(context) { db in
                let child = try ChildRow.require(db, key: request.student, actor: context.actor)
                try store.ledger.record(db, request, child: child, actor: context.actor, today: today())
                return try store.ledger.entry(db, number: child.number, today: today())!
            }
        }
        router.on(CareMessage.importLedger) { batch, context in
            try await kit.write(context) { db in try store.ledger.importBatch(db, batch, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.listLedger) { query, context in
            var scoped = query
            (scoped.township, scoped.school, scoped.limit) = try Self.scoped(context.actor, query.township, query.school, query.limit)
            let bound = scoped
            return try await kit.read { db in try store.ledger.list(db, bound, today: today()) }
        }
        router.on(CareMessage.flagged) { query, context in
            let scoped = try Self.scoped(context.actor, query)
            return try await kit.read { db in try store.ledger.flagged(db, scoped, today: today()) }
        }
        router.on(CareMessage.exportLedger) { query, context in
            var scoped = query
            (scoped.township, scoped.school, _) = try Self.scoped(context.actor, query.township, query.school, query.limit)
            let bound = scoped
            return try await kit.read { db in try store.ledger.export(db, bound, today: today()) }
        }
        router.on(CareMessage.getChild) { key, context in
            try await kit.read { db in
                let child = try ChildRow.require(db, key: key.student, actor: context.actor)
                try AccessScope(context.actor).requireReach(township: child.township, school: child.school)
                return try store.record(db, child: child, today: today())
            }
        }
        router.on(CareMessage.matchChild) { key, context in
            try await kit.read { db in
                guard let number = try NoticeStore.match(db, masked: key.student, name: key.name, school: key.school), let child = try ChildRow.fetch(db, number: number) else {
                    throw AccessScope(context.actor).missing(ServiceError(.careChildNotFound, "关爱服务中没有\(key.name)（\(key.student)）的记录 (the care service has no record of \(key.name), \(key.student))"))
                }
                try AccessScope(context.actor).requireReach(township: child.township, school: child.school)
                return try store.record(db, child: child, today: today())
            }
        }

        // MARK: Homes, surrogate parents, contacts
        router.on(CareMessage.recordHome) { request, context in
            try await kit.write(context) { db in try store.homes.record(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.listHomes) { query, context in
            let scoped = try Self.scoped(context.actor, query)
            return try await kit.read { db in try store.homes.list(db, scoped) }
        }
        router.on(CareMessage.registerSurrogate) { request, context in
            try await kit.write(context) { db in try store.surrogates.register(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.listSurrogates) { query, context in
            let scoped = try Self.scoped(context.actor, query)
            return try await kit.read { db in try store.surrogates.list(db, scoped) }
        }
        router.on(CareMessage.assign) { request, context in
            try await kit.write(context) { db in try store.surrogates.assign(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.endAssignment) { request, context in
            try await kit.write(context) { db in try store.surrogates.end(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.logContact) { request, context in
            try await kit.write(context) { db in try store.surrogates.logContact(db, request, actor: context.actor, today: today()) }
        }

        // MARK: Wishes
        router.on(CareMessage.postWish) { request, context in
            try await kit.write(context) { db in try store.wishes.post(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.claimWish) { request, context in
            try await kit.write(context) { db in try store.wishes.claim(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.fulfilWish) { request, context in
            try await kit.write(context) { db in try store.wishes.fulfil(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.withdrawWish) { request, context in
            try await kit.write(context) { db in try store.wishes.withdraw(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.listWishes) { query, context in
            var scoped = query
            (scoped.township, scoped.school, scoped.limit) = try Self.scoped(context.actor, query.township, query.school, query.limit)
            let bound = scoped
            return try await kit.read { db in try store.wishes.list(db, bound) }
        }
        router.on(CareMessage.donorWishes) { query, context in
            // The donor view carries nothing personal: it is county-wide for every role, as the
            // list a county posts for donors is.
            var bounded = query
            bounded.limit = min(max(query.limit, 1), 1_000)
            let bound = bounded
            _ = try AccessScope(context.actor).narrow(nil, to: nil, what: "")
            return try await kit.read { db in try store.wishes.donorList(db, bound) }
        }

        // MARK: Activities
        router.on(CareMessage.recordActivity) { request, context in
            try await kit.write(context) { db in try store.activities.record(db, request, actor: context.actor, today: today()) }
        }
        router.on(CareMessage.listActivities) { query, context in
            var scoped = query
            (scoped.township, scoped.school, scoped.limit) = try Self.scoped(context.actor, query.township, query.school, query.limit)
            let bound = scoped
            return try await kit.read { db in try store.activities.list(db, bound) }
        }
        router.on(CareMessage.activitySummary) { query, context in
            var scoped = query
            (scoped.township, scoped.school, _) = try Self.scoped(context.actor, query.township, query.school, 1)
            let bound = scoped
            return try await kit.read { db in try store.activities.summary(db, bound) }
        }

        // MARK: Notices, gaps, figures, alerts, the sweep
        router.on(CareMessage.listNotices) { query, context in
            var scoped = query
            (scoped.township, scoped.school, scoped.limit) = try Self.scoped(context.actor, query.township, query.school, query.limit)
            let bound = scoped
            return try await kit.read { db in try store.notices.list(db, bound) }
        }
        router.on(CareMessage.gaps) { query, context in
            let scoped = try Self.scoped(context.actor, query)
            return try await kit.read { db in try store.reporter.gaps(db, scoped, today: today()) }
        }
        router.on(CareMessage.figures) { query, context in
            let (township, school, _) = try Self.scoped(context.actor, query.township, nil, 1)
            var scoped = query
            scoped.township = township
            let bound = scoped
            return try await kit.read { db in try store.reporter.figures(db, bound, school: school, today: today()) }
        }
        router.on(CareMessage.listAlerts) { query, context in
            var scoped = query
            (scoped.township, scoped.school, scoped.limit) = try Self.scoped(context.actor, query.township, query.school, query.limit)
            let bound = scoped
            return try await kit.read { db in try store.alerts.list(db, bound) }
        }
        router.on(CareMessage.getAlert) { key, context in
            let alert = try await kit.read { db in try store.alerts.alert(db, id: key.id) }
            guard let alert else { throw AccessScope(context.actor).missing(CareAlertStore.noSuchAlert(key.id)) }
            try AccessScope(context.actor).requireReach(township: alert.township, school: alert.school)
            return alert
        }
        router.on(CareMessage.acknowledgeAlert) { request, context in
            try await kit.write(context) { db in try store.alerts.acknowledge(db, request, actor: context.actor) }
        }
        router.on(CareMessage.sweep) { _, context in
            let role = Role(rawValue: context.actor.role)
            guard role == .countyAdmin || role == .countyOperator || role == .system else {
                throw AccessScope.forbidden("运行关爱扫描 (running the care sweep needs a county operator)")
            }
            return try await kit.write(context) { db in try store.rules.sweep(db, today: today()) }
        }
        return router
    }

    /// A list's township and school narrowed to the actor's scope (refusing a filter that asks for
    /// more), and its page size kept to 1–1,000.
    static func scoped(_ actor: Actor, _ township: String?, _ school: String?, _ limit: Int) throws -> (String?, String?, Int) {
        let (township, school) = try AccessScope(actor).narrow(township: township, school: school)
        return (township, school, min(max(limit, 1), 1_000))
    }

    static func scoped(_ actor: Actor, _ query: CareScopeQuery) throws -> CareScopeQuery {
        let (township, school, limit) = try scoped(actor, query.township, query.school, query.limit)
        return CareScopeQuery(township: township, school: school, limit: limit)
    }
}
