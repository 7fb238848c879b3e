import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Care alerts: one open per child per rule, opened and resolved by the rules (never by hand),
/// acknowledged by people; every transition published as `care.alert.<township>` with the
/// ``Alert`` body every alerting service publishes, so the gateway's stream and webhooks carry
/// them beside the monitor's. A reminder to a surrogate parent also becomes a notice to them.
struct CareAlertStore: Sendable {
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
        try db.cachedStatement(sql: "UPDATE alert SET state = 'resolved', resolved_at = ?, resolution = ? WHERE id = ? AND state != 'resolved'").execute(arguments: [Timestamp.now(), resolution, id])
        if db.changesCount > 0 { try publish(db, id: id) }
    }

    /// Someone responsible has seen it. Acknowledging twice keeps the first acknowledgement.
    /// - Throws: `alert.notFound`, `alert.invalid` (a note over 500 characters), `scope.forbidden`.
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

    /// Publishes the alert as it now stands on `care.alert.<township>`.
    @discardableResult
    func publish(_ db: Database, id: Int64) throws -> Alert? {
        guard let alert = try alert(db, id: id) else { return nil }
        try Outbox.care.append(db, type: CareMessage.Event.alert, topic: "\(CareMessage.Event.alert).\(alert.township)", body: alert, actor: nil)
        return alert
    }

    // MARK: Reading

    static let columns = "a.id, a.rule, a.severity, a.state, a.student, c.name, a.township, a.school, a.text, a.text_en, a.created_at, a.ack_at, a.ack_by, a.note, a.resolved_at, a.resolution"
    static let from = "alert a LEFT JOIN child c ON c.number = a.student"

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
        arguments += [query.limit]
        return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY a.id DESC LIMIT ?", arguments: arguments).map(Self.alert)
    }

    static func alert(_ row: Row) -> Alert {
        let rule = AlertRule(rawValue: row["rule"]) ?? .surrogateMissing
        return Alert(
            id: row["id"], service: .care, rule: rule, severity: AlertSeverity(rawValue: row["severity"]) ?? rule.severity, state: AlertState(rawValue: row["state"]) ?? .open,
            studentName: row["name"] ?? "", student: StudentNumber.maskedText(row["student"]), township: row["township"], school: row["school"],
            text: row["text"], textEnglish: row["text_en"], createdAt: row["created_at"], acknowledgedAt: row["ack_at"], acknowledgedBy: row["ack_by"],
            note: row["note"], resolvedAt: row["resolved_at"], resolution: row["resolution"])
    }

    static func noSuchAlert(_ id: Int64) -> ServiceError {
        ServiceError(.alertNotFound, "没有编号为\(id)的关爱预警 (no care alert \(id))")
    }
}
