import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// Alerts (预警): one open per child per rule, opened and resolved by the rules (never resolved by
/// hand), acknowledged by people; every transition published as `monitor.alert.<township>`.
/// Every method runs in the caller's transaction and appends its events to the outbox there.
struct AlertStore: Sendable {
    /// The monitor's alert table: a suspect the registry does not know is named by the
    /// suspected-dropout ledger; rule 1, 4 and 6 alerts carry their case.
    static let table = AlertTable(
        service: .monitor, outbox: .monitor, name: "COALESCE(s.name, x.name)",
        joins: "LEFT JOIN student s ON s.number = a.student LEFT JOIN crosscheck_suspect x ON x.student = a.student",
        hasCase: true, noun: ("预警", "alert"))

    /// The rules this service reconciles per child (cross-check suspects are reconciled by the
    /// cross-check run).
    static let childRuleSet: [AlertRule] = [.dropoutReported, .transferNotReceived, .suspensionOverdue, .absenceWarning, .absenceDropout, .caseStalled, .documentsIncomplete]

    /// Opens what `findings` says should be open and resolves the child's other rule 1–4 and 6
    /// alerts, so reconciling twice changes nothing.
    func reconcile(_ db: Database, child: ChildFacts, findings: [AlertRule: ChildRules.Finding], caseID: Int64?) throws {
        var openRules: [AlertRule: Int64] = [:]
        try db.cachedStatement(sql: "SELECT id, rule FROM alert WHERE student = ? AND state != 'resolved'").forEachRow(arguments: [child.number]) { row in
            if let rule = AlertRule(rawValue: row[1]) { openRules[rule] = row[0] }
        }
        for (rule, id) in openRules where Self.childRuleSet.contains(rule) && findings[rule] == nil {
            try resolve(db, id: id, resolution: ChildRules.resolution(rule, child: child))
        }
        for rule in Self.childRuleSet {
            guard let finding = findings[rule], openRules[rule] == nil else { continue }
            try raise(db, rule: rule, child: child, finding: finding, caseID: caseID)
        }
    }

    /// Opens an alert and publishes it.
    func raise(_ db: Database, rule: AlertRule, child: ChildFacts, finding: ChildRules.Finding, caseID: Int64?) throws {
        try db.cachedStatement(sql: """
                INSERT INTO alert (rule, student, township, school, severity, state, text, text_en, created_at, case_id)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
                """).execute(arguments: [rule.rawValue, child.number, child.township, child.school, rule.severity.rawValue, finding.text, finding.textEnglish, Timestamp.now(), caseID])
        try publish(db, id: db.lastInsertedRowID)
    }

    func resolve(_ db: Database, id: Int64, resolution: String) throws {
        try Self.table.resolve(db, id: id, resolution: resolution)
    }

    /// Resolves every open alert of a child the replica no longer knows.
    func resolveAll(_ db: Database, number: String, resolution: String) throws {
        // Not rule 5's: a suspect the registry does not know is closed by the cross-check alone.
        for id in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM alert WHERE student = ? AND state != 'resolved' AND rule != 'crosscheckSuspect'"), arguments: [number]) {
            try resolve(db, id: id, resolution: resolution)
        }
    }

    /// Someone responsible has seen it (``AlertTable/acknowledge(_:_:actor:)``).
    func acknowledge(_ db: Database, _ request: AlertAcknowledgement, actor: Actor) throws -> Alert {
        try Self.table.acknowledge(db, request, actor: actor)
    }

    /// Publishes the alert as it now stands on `monitor.alert.<township>`.
    @discardableResult
    func publish(_ db: Database, id: Int64) throws -> Alert? {
        try Self.table.publish(db, id: id)
    }

    func alert(_ db: Database, id: Int64) throws -> Alert? {
        try Self.table.alert(db, id: id)
    }

    /// Alerts newest first, open ones unless a state is asked for; the caller has narrowed the
    /// query to the actor's scope.
    func list(_ db: Database, _ query: AlertQuery) throws -> [Alert] {
        try Self.table.list(db, query)
    }

    static func noSuchAlert(_ id: Int64) -> ServiceError {
        table.noSuchAlert(id)
    }
}
