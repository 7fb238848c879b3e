import BaoxueContracts
import GRDB

/// The care service's storage, one part per aggregate: the registry replica, the ledger, homes,
/// surrogate parents with their assignments and contacts, activities, wishes, alerts and the
/// rules that raise them, notices, and the gaps and figures. It holds the settings and hands out
/// the parts, so a handler says which one it works on (`store.surrogates.assign(…)`), as the
/// monitor's store does.
///
/// Every part's methods run inside the caller's transaction, and every change that others must
/// hear about is written to the outbox (``Outbox/care``) in that same transaction.
public struct CareStore: Sendable {
    public let settings: CareSettings

    public init(settings: CareSettings) {
        self.settings = settings
    }

    var replica: CareReplica { CareReplica(settings: settings) }
    var ledger: LedgerStore { LedgerStore(settings: settings) }
    var homes: HomeStore { HomeStore() }
    var surrogates: SurrogateStore { SurrogateStore(settings: settings) }
    var activities: ActivityStore { ActivityStore() }
    var wishes: WishStore { WishStore() }
    var alerts: CareAlertStore { CareAlertStore() }
    var rules: CareRuleEngine { CareRuleEngine(settings: settings) }
    var notices: NoticeStore { NoticeStore() }
    var reporter: CareReporter { CareReporter(settings: settings) }

    /// One child's care record in full: the ledger record and its history, the surrogate, the
    /// school's home, wishes, latest activities and notices.
    /// - Throws: `care.notInLedger` for a child nobody recorded.
    func record(_ db: Database, child: ChildRow, today: CivilDate) throws -> CareRecord {
        guard let entry = try ledger.entry(db, number: child.number, today: today) else {
            throw ServiceError(.careNotInLedger, "\(child.name)没有留守儿童台账记录 (\(child.name) has no left-behind ledger record)")
        }
        return CareRecord(
            entry: entry, history: try ledger.history(db, number: child.number), surrogate: try entry.surrogate.flatMap { try surrogates.surrogate(db, id: $0.id) },
            assignments: try surrogates.assignments(db, student: child.number), home: try homes.home(db, school: child.school),
            wishes: try wishes.forStudent(db, number: child.number), activities: try activities.forStudent(db, number: child.number),
            notices: try notices.forStudent(db, number: child.number))
    }

    /// What `service.status` shows: the replica's size, the ledger, surrogate coverage, open
    /// alerts. Whom the service follows, and how far, is in its subscriptions.
    public static func counts(_ db: Database) throws -> [String: Int] {
        [
            "children": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child") ?? 0,
            "ledger": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_entry WHERE state = 'active'") ?? 0,
            "withSurrogate": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_entry e JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL WHERE e.state = 'active'") ?? 0,
            "surrogates": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM surrogate") ?? 0,
            "homes": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM home") ?? 0,
            "openAlerts": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE state != 'resolved'") ?? 0,
            "notices": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notice") ?? 0,
        ]
    }
}
