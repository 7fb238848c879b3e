import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB

/// The subsidy service's request handlers: authorise by the actor (county roles write; everyone
/// reads within their township or school), run the store's work in a transaction (writes once
/// per request id, through the kit), wake the publisher.
public struct SubsidyService: Sendable {
    let kit: ServiceKit
    let store: SubsidyStore
    let runner: BatchRunner

    init(kit: ServiceKit, store: SubsidyStore, runner: BatchRunner) {
        self.kit = kit
        self.store = store
        self.runner = runner
    }

    public var router: RequestRouter {
        var router = RequestRouter()
        let kit = self.kit, store = self.store, runner = self.runner
        let today = store.settings.today

        router.on(SubsidyMessage.listPrograms) { _, _ in store.settings.programs }

        // MARK: Rosters
        router.on(SubsidyMessage.beginRoster) { start, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in try store.rosters.begin(db, start, actor: context.actor, today: today()) }
        }
        router.on(SubsidyMessage.importRosterRows) { batch, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in try store.rosters.stage(db, batch) }
        }
        router.on(SubsidyMessage.finishRoster) { finish, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in try store.rosters.finish(db, finish, today: today()) }
        }
        router.on(SubsidyMessage.listRosters) { query, _ in
            try await kit.read { db in try store.rosters.list(db, query) }
        }
        router.on(SubsidyMessage.listUnmatched) { query, context in
            let scope = AccessScope(context.actor)
            // People who are no registered child belong to a township, never to a school.
            guard scope.role != .schoolStaff else { throw AccessScope.forbidden("查看名单中未入学人员 (people on a list who are in no school are the township's)") }
            var narrowed = query
            narrowed.township = try scope.narrow(query.township, to: scope.township, what: "乡镇 township")
            let scoped = narrowed
            return try await kit.read { db in try store.rosters.unmatched(db, scoped, today: today()) }
        }

        // MARK: Eligibility
        router.on(SubsidyMessage.listEligible) { query, context in
            var narrowed = query
            (narrowed.township, narrowed.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            let scoped = narrowed
            return try await kit.read { db in try store.eligibility.page(db, scoped) }
        }

        // MARK: Batches
        router.on(SubsidyMessage.runBatch) { request, context in
            try AccessScope(context.actor).requireCountyWrite()
            if request.dryRun {
                return try await kit.read { db in try store.batches.dryRun(db, request, actor: context.actor, today: today()) }
            }
            // A retry of a batch that finished answers as the first time did.
            if let stored = try await kit.read({ db in try RequestJournal.reply(db, for: context) }) {
                return try WireCoding.decode(BatchReport.self, from: stored)
            }
            // The deadline holds until the batch begins; once begun it runs to the end (a retry
            // under the same id resumes it), so its report is journaled whatever the hour.
            let id = try await kit.database.write { db in
                try context.checkDeadline()
                return try store.batches.begin(db, request, requestID: context.requestID, actor: context.actor, today: today())
            }
            try await runner.complete(id)
            var begun = context
            begun.deadline = nil
            return try await kit.write(begun) { db in try store.batches.report(db, id: id, withExclusions: true)! }
        }
        router.on(SubsidyMessage.listBatches) { query, _ in
            try await kit.read { db in try store.batches.list(db, query) }
        }
        router.on(SubsidyMessage.getBatch) { key, context in
            guard var report = try await kit.read({ db in try store.batches.report(db, id: key.id, withExclusions: true) }) else { throw BatchStore.notFound(key.id) }
            let scope = AccessScope(context.actor)
            report.exclusions = report.exclusions.filter { scope.reaches(township: $0.township, school: $0.school) }
            return report
        }

        // MARK: Payments
        router.on(SubsidyMessage.listPayments) { query, context in
            let scope = AccessScope(context.actor)
            var narrowed = query
            (narrowed.township, narrowed.school) = try scope.narrow(township: query.township, school: query.school)
            let scoped = narrowed
            return try await kit.read { db in
                var query = scoped
                if let key = query.student {
                    guard let child = try ChildFacts.fetch(db, key: key) else { throw scope.missing(Self.noSuchStudent) }
                    try scope.requireReach(township: child.township, school: child.school)
                    query.student = child.number
                }
                return try store.payments.list(db, query)
            }
        }
        router.on(SubsidyMessage.reissuePayment) { request, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in
                let payment = try store.payments.reissue(db, request, actor: context.actor)
                try store.coverage.reconcileAlerts(db, pairs: [ProgramTerm(program: payment.program, term: payment.term.code)])
                return payment
            }
        }
        router.on(SubsidyMessage.importBankResults) { batch, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in
                let (report, touched) = try store.payments.applyBankResults(db, batch, today: today())
                if !touched.isEmpty { try store.coverage.reconcileAlerts(db, pairs: touched) }
                return report
            }
        }

        // MARK: Coverage, totals, one child
        router.on(SubsidyMessage.coverage) { query, context in
            var narrowed = query
            (narrowed.township, narrowed.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            let scoped = narrowed
            return try await kit.read { db in try store.coverage.report(db, scoped) }
        }
        router.on(SubsidyMessage.totals) { query, context in
            var narrowed = query
            (narrowed.township, narrowed.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            let scoped = narrowed
            return try await kit.read { db in try store.totals.totals(db, scoped) }
        }
        router.on(SubsidyMessage.child) { key, context in
            let scope = AccessScope(context.actor)
            guard let (child, file) = try await kit.read({ db in try store.child(db, key: key.key, today: today()) }) else { throw scope.missing(Self.noSuchStudent) }
            try scope.requireReach(township: child.township, school: child.school)
            return file
        }
        router.on(SubsidyMessage.matchChild) { key, context in
            let scope = AccessScope(context.actor)
            guard let (child, file) = try await kit.read({ db -> (ChildFacts, ChildSubsidy)? in
                guard let child = try ChildFacts.match(db, masked: key.student, name: key.name, school: key.school) else { return nil }
                return (child, try store.file(db, child: child, today: today()))
            }) else { throw scope.missing(Self.noSuchStudent) }
            try scope.requireReach(township: child.township, school: child.school)
            return file
        }

        // MARK: Alerts
        router.on(SubsidyMessage.listAlerts) { query, context in
            var narrowed = query
            (narrowed.township, narrowed.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            let scoped = narrowed
            return try await kit.read { db in try store.alerts.list(db, scoped) }
        }
        router.on(SubsidyMessage.getAlert) { key, context in
            guard let alert = try await kit.read({ db in try store.alerts.alert(db, id: key.id) }) else { throw AccessScope(context.actor).missing(AlertStore.noSuchAlert(key.id)) }
            try AccessScope(context.actor).requireReach(township: alert.township, school: alert.school)
            return alert
        }
        router.on(SubsidyMessage.acknowledgeAlert) { request, context in
            try await kit.write(context) { db in try store.alerts.acknowledge(db, request, actor: context.actor) }
        }
        return router
    }

    static let noSuchStudent = ServiceError(.subsidyStudentNotFound, "没有这名学生（按身份证件号或全国学籍号）(no such student, by ID number or student number)")
}
