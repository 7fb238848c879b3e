import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// Care alerts: one open per child per rule, opened and resolved by the rules (never by hand),
/// acknowledged by people; every transition published as `care.alert.<township>` with the
/// ``Alert`` body every alerting service publishes, so the gateway's stream and webhooks carry
/// them beside the monitor's. A reminder to a surrogate parent also becomes a notice to them.
struct CareAlertStore: Sendable {
    static let table = AlertTable(service: .care, outbox: .care, name: "c.name", joins: "LEFT JOIN child c ON c.number = a.student", noun: ("关爱预警", "care alert"))
    static let rules: [AlertRule] = [.surrogateMissing, .contactOverdue]

    /// Opens what `findings` says should be open and resolves the child's other care alerts, so
    /// reconciling twice changes nothing. Answers how many it opened and resolved.
    @discardableResult
    func reconcile(_ db: Database, facts: CareFacts?, number: String, findings: [AlertRule: CareRules.Finding], open: [AlertRule: Int64]? = nil) throws -> (opened: Int, resolved: Int) {
        var openRules = open ?? [:]
        if open == nil {
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, rule FROM alert WHERE student = ? AND state != 'resolved'"), arguments: [number]) {
                if let rule = AlertRule(rawValue: row["rule"]) { openRules[rule] = row["id"] }
            }
        }
        var counts = (opened: 0, resolved: 0)
        for (rule, id) in openRules where findings[rule] == nil {
            try resolve(db, id: id, resolution: CareRules.resolution(rule, facts: facts))
            counts.resolved += 1
        }
        if let facts {
            for rule in Self.rules {
                guard let finding = findings[rule], openRules[rule] == nil else { continue }
                try raise(db, rule: rule, facts: facts, finding: finding)
                counts.opened += 1
            }
        }
        return counts
    }

    /// Opens an alert, publishes it, and sends a reminder to the surrogate it concerns.
    func raise(_ db: Database, rule: AlertRule, facts: CareFacts, finding: CareRules.Finding) throws {
        try db.cachedStatement(sql: """
                INSERT INTO alert (rule, student, township, school, severity, state, text, text_en, created_at, surrogate_id)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
                """).execute(arguments: [rule.rawValue, facts.number, facts.township, facts.school, rule.severity.rawValue, finding.text, finding.textEnglish, Timestamp.now(), finding.surrogate])
        let id = db.lastInsertedRowID
        guard let alert = try publish(db, id: id) else { return }
        if let surrogate = finding.surrogate {
            try NoticeStore().send(db, to: .surrogate, id: surrogate, student: facts.number, source: .careAlert, sourceID: id, key: "care-alert:\(id)", rule: rule, text: alert.text, textEnglish: alert.textEnglish)
        }
    }

    func resolve(_ db: Database, id: Int64, resolution: String) throws {
        try Self.table.resolve(db, id: id, resolution: resolution)
    }

    /// Someone responsible has seen it (``AlertTable/acknowledge(_:_:actor:)``).
    func acknowledge(_ db: Database, _ request: AlertAcknowledgement, actor: Actor) throws -> Alert {
        try Self.table.acknowledge(db, request, actor: actor)
    }

    /// Publishes the alert as it now stands on `care.alert.<township>`.
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
