import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The subsidy service's alerts (预警) of "不漏一人": one open per child, rule, program and term,
/// raised and resolved by the coverage check (never resolved by hand), acknowledged by people,
/// every transition published as `subsidy.alert.<township>` with the same ``Alert`` body the
/// monitor's carry, so the gateway's stream, watchers and webhooks deliver them alike.
struct AlertStore: Sendable {
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
            try db.cachedStatement(sql: "UPDATE alert SET state = 'resolved', resolved_at = ?, resolution = ? WHERE id = ? AND state != 'resolved'").execute(arguments: [now, try resolution(key), id])
            if db.changesCount > 0 {
                try publish(db, id: id)
                resolved += 1
            }
        }
        return (opened, resolved)
    }

    /// Someone responsible has seen it. Acknowledging twice keeps the first acknowledgement.
    func acknowledge(_ db: Database, _ request: AlertAcknowledgement, actor: Actor) throws -> Alert {
        guard let alert = try alert(db, id: request.id) else { throw Self.noSuchAlert(request.id) }
        try AccessScope(actor).requireCaseWork(township: alert.township, school: alert.school)
        if let note = request.note, note.count > 500 {
            throw ServiceError(.alertInvalid, "备注最多500字 (a note is at most 500 characters)", problems: [FieldProblem(field: "note", reason: "at most 500 characters")])
        }
        guard alert.state == .open else { return alert }
        try db.cachedStatement(sql: "UPDATE alert SET state = 'acknowledged', ack_at = ?, ack_by = ?, note = ? WHERE id = ?").execute(arguments: [Timestamp.now(), actor.user, request.note, request.id])
        try publish(db, id: request.id)
        return try self.alert(db, id: request.id)!
    }

    /// Publishes the alert as it now stands on `subsidy.alert.<township>`.
    func publish(_ db: Database, id: Int64) throws {
        guard let alert = try alert(db, id: id) else { return }
        _ = try Outbox.subsidy.append(db, type: SubsidyMessage.Event.alert, topic: "\(SubsidyMessage.Event.alert).\(alert.township)", body: alert, actor: nil)
    }

    // MARK: Reading

    static let columns = "a.id, a.rule, a.severity, a.state, a.student, s.name, a.township, a.school, a.text, a.text_en, a.created_at, a.ack_at, a.ack_by, a.note, a.resolved_at, a.resolution"
    static let from = "alert a LEFT JOIN student s ON s.number = a.student"

    func alert(_ db: Database, id: Int64) throws -> Alert? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE a.id = ?"), arguments: [id]).map(Self.alert)
    }

    /// Alerts newest first, open ones unless a state is asked for; the caller has narrowed the
    /// query to the actor's scope.
    func list(_ db: Database, _ query: AlertQuery) throws -> [Alert] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("a.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("a.school = ?"); arguments += [school] }
        if let state = query.state { conditions.append("a.state = ?"); arguments += [state.rawValue] } else { conditions.append("a.state != 'resolved'") }
        if let rule = query.rule { conditions.append("a.rule = ?"); arguments += [rule.rawValue] }
        arguments += [min(max(query.limit, 1), 1_000)]
        return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY a.id DESC LIMIT ?", arguments: arguments).map(Self.alert)
    }

    static func alert(_ row: Row) -> Alert {
        let rule = AlertRule(rawValue: row["rule"]) ?? .subsidyUnpaid
        return Alert(
            id: row["id"], service: .subsidy, rule: rule, severity: AlertSeverity(rawValue: row["severity"]) ?? rule.severity,
            state: AlertState(rawValue: row["state"]) ?? .open, studentName: row["name"] ?? "", student: StudentNumber.maskedText(row["student"]),
            township: row["township"], school: row["school"], text: row["text"], textEnglish: row["text_en"], createdAt: row["created_at"],
            acknowledgedAt: row["ack_at"], acknowledgedBy: row["ack_by"], note: row["note"], resolvedAt: row["resolved_at"], resolution: row["resolution"])
    }

    static func noSuchAlert(_ id: Int64) -> ServiceError {
        ServiceError(.alertNotFound, "没有编号为\(id)的资助预警 (no subsidy alert \(id))")
    }
}
