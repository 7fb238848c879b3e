import BaoxueContracts
import GRDB

/// The monitoring service's storage, one part per aggregate: the registry replica and the rules
/// that run on it, alerts, absences, cases, responsibility targets, the cross-check, the county's
/// ledgers and the monthly ledger report. It holds the settings and hands out the parts, so a
/// handler says which one it works on (`store.cases.visit(…)`).
///
/// Every part's methods run inside the caller's transaction, and every change that others must
/// hear about is written to the outbox (``Outbox/monitor``) in that same transaction. The parts
/// are plain values built from the settings, so one part can use another (a case action re-runs
/// the rules, the rules open cases) without a cycle of stored references.
public struct MonitorStore: Sendable {
    public let settings: MonitorSettings

    public init(settings: MonitorSettings) {
        self.settings = settings
    }

    /// Applies the registry's events to the replica.
    var replica: ReplicaStore { ReplicaStore(settings: settings) }
    /// Runs the rules for a child, and the periodic sweep.
    var rules: RuleEngine { RuleEngine(settings: settings) }
    var alerts: AlertStore { AlertStore() }
    var absences: AbsenceStore { AbsenceStore(settings: settings) }
    var cases: CaseStore { CaseStore(settings: settings) }
    var targets: TargetStore { TargetStore() }
    /// The roster, the cross-check run, and the suspects and their verification.
    var crosscheck: CrosscheckStore { CrosscheckStore(settings: settings) }
    /// The county's three ledgers (台账) as tables.
    var ledgers: LedgerExporter { LedgerExporter() }
    /// The monthly ledger report (台账月报).
    var ledgerReports: LedgerReporter { LedgerReporter() }
    /// The school calendar the time rules count by.
    var calendar: CalendarStore { CalendarStore(settings: settings) }
    /// Home-delivered teaching placements (送教上门).
    var teaching: HomeTeachingStore { HomeTeachingStore(settings: settings) }

    /// What `service.status` shows the county: the replica's size, open alerts and cases, and
    /// recorded absences. Whom the monitor follows, and how far, is in its subscriptions.
    public static func counts(_ db: Database) throws -> [String: Int] {
        [
            "students": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0,
            "openAlerts": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE state != 'resolved'") ?? 0,
            "openCases": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dropout_case WHERE state = 'open'") ?? 0,
            "absences": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM absence") ?? 0,
        ]
    }
}
