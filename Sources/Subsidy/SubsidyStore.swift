import BaoxueContracts
import GRDB

/// The subsidy service's storage, one part per aggregate: the registry replica, the family rosters,
/// eligibility, batches, payments, coverage and its alerts, and the year's totals. It holds the
/// settings and hands out the parts, so a handler says which one it works on.
///
/// Every part's methods run inside the caller's transaction, and every change others must hear
/// about is written to the outbox (``Outbox/subsidy``) in that same transaction.
public struct SubsidyStore: Sendable {
    public let settings: SubsidySettings

    public init(settings: SubsidySettings) {
        self.settings = settings
    }

    var replica: ReplicaStore { ReplicaStore() }
    var rosters: RosterStore { RosterStore() }
    var eligibility: EligibilityStore { EligibilityStore(settings: settings) }
    var batches: BatchStore { BatchStore(settings: settings) }
    var payments: PaymentStore { PaymentStore() }
    var coverage: CoverageStore { CoverageStore(settings: settings) }
    var alerts: AlertStore { AlertStore() }
    var totals: TotalsStore { TotalsStore(settings: settings) }

    /// One child's aid: lists, this term's programs, every payment.
    func child(_ db: Database, key: String, today: CivilDate) throws -> (ChildFacts, ChildSubsidy)? {
        guard let child = try ChildFacts.fetch(db, key: key) else { return nil }
        return (child, try file(db, child: child, today: today))
    }

    /// What the service knows of one child's aid: lists, programs this term, payments.
    func file(_ db: Database, child: ChildFacts, today: CivilDate) throws -> ChildSubsidy {
        let term = Term(containing: today)
        let basis = try child.idNumber.map { try rosters.basis(db, idNumber: $0) } ?? []
        let eligible = try eligibility.programs(db, child: child, term: term).map(\.id)
        let payments = try self.payments.list(db, PaymentQuery(student: child.number, limit: 1_000))
        return ChildSubsidy(
            student: child.maskedNumber, name: child.name, township: child.township, school: child.school, schoolName: child.schoolName,
            grade: child.grade, status: child.status, attendance: child.attendance, basis: basis, term: term, eligible: eligible, payments: payments)
    }

    /// What `service.status` shows: the replica's size, the people on a list, the batches and
    /// payments, and the open alerts.
    public static func counts(_ db: Database) throws -> [String: Int] {
        [
            "students": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0,
            "listed": try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT id_number) FROM membership WHERE until IS NULL") ?? 0,
            "batches": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch") ?? 0,
            "runningBatches": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch WHERE state = 'running'") ?? 0,
            "payments": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment") ?? 0,
            "openAlerts": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE state != 'resolved'") ?? 0,
        ]
    }
}
