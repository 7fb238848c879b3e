import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// The subsidy service's alerts (预警) of "不漏一人": one open per child, rule, program and term,
/// raised and resolved by the coverage check (never resolved by hand), acknowledged by people,
/// every transition published as `subsidy.alert.<township>` with the same ``Alert`` body the
/// monitor's carry, so the gateway's stream, watchers and webhooks deliver them alike.
struct AlertStore: Sendable {
    static let table = AlertTable(service: .subsidy, outbox: .subsidy, name: "s.name", joins: "LEFT JOIN student s ON s.number = a.student", noun: ("资助预警", "subsidy alert"))

    /// An alert the coverage check wants open, with what it says.
    struct Finding: Sendable {
        var rule: AlertRule
        var student: String
        var program: String
        var term: String
        var township: String
        var school: String
        var text: String
        var textEnglish: String
    }

    struct Key: Hashable {
        var student: String
        var rule: String
        var program: String
        var term: String
    }

    /// Opens the wanted alerts that are not open and resolves the open ones of `pairs` that are
    /// no longer wanted (saying why, from `resolution`), so reconciling twice changes nothing.
    func reconcile(_ db: Database, wanted: [Finding], pairs: Set<ProgramTerm>, resolution: (Key) throws -> String) throws -> (opened: Int, resolved: Int) {
        var open: [Key: Int64] = [:]
        for pair in pairs {
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, student, rule FROM alert WHERE program = ? AND term = ? AND state != 'resolved'"), arguments: [pair.program, pair.term]) {
                open[Key(student: row["student"], rule: row["rule"], program: pair.program, term: pair.term)] = row["id"]
            }
        }
        var opened = 0, resolved = 0
        var wantedKeys: Set<Key> = []
        let now = Timestamp.now()
        for finding in wanted {
            let key = Key(student: finding.student, rule: finding.rule.rawValue, program: finding.program, term: finding.term)
            wantedKeys.insert(key)
            guard open[key] == nil else { continue }
            try db.cachedStatement(sql: """
                INSERT INTO alert (rule, student, program, term, township, school, severity, state, text, text_en, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
                """).execute(arguments: [finding.rule.rawValue, finding.student, finding.program, finding.term, finding.township, finding.school, finding.rule.severity.rawValue, finding.text, finding.textEnglish, now])
            try publish(db, id: db.lastInsertedRowID)
            opened += 1
        }
        for (key, id) in open.sorted(by: { $0.value < $1.value }) where !wantedKeys.contains(key) {
            if try Self.table.resolve(db, id: id, resolution: try resolution(key)) { resolved += 1 }
        }
        return (opened, resolved)
    }

    /// Someone responsible has seen it (``AlertTable/acknowledge(_:_:actor:)``).
    func acknowledge(_ db: Database, _ request: AlertAcknowledgement, actor: Actor) throws -> Alert {
        try Self.table.acknowledge(db, request, actor: actor)
    }

    /// Publishes the alert as it now stands on `subsidy.alert.<township>`.
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
