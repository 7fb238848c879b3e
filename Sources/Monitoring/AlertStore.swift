import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Alerts (预警): one open per child per rule, opened and resolved by the rules (never resolved by
/// hand), acknowledged by people; every transition published as `monitor.alert.<township>`.
/// Every method runs in the caller's transaction and appends its events to the outbox there.
struct AlertStore: Sendable {
    /// The rules this service reconciles per child (cross-check suspects are reconciled by the
    /// cross-check run).
    static let childRuleSet: [AlertRule] = [.dropoutReported, .transferNotReceived, .suspensionOverdue, .absenceWarning, .absenceDropout, .caseStalled]

    /// Opens what `findings` says should be open and resolves the child's other rule 1–4 and 6
    /// alerts, so reconciling twice changes nothing.
    func reconcile(_ db: Database, child: ChildFacts, findings: [AlertRule: ChildRules.Finding], caseID: Int64?) throws {
        let open = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, rule FROM alert WHERE student = ? AND state != 'resolved'"), arguments: [child.number])
        var openRules: [AlertRule: Int64] = [:]
        for row in open { if let rule = AlertRule(rawValue: row["rule"]) { openRules[rule] = row["id"] } }
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
        try db.cachedStatement(sql: "UPDATE alert SET state = 'resolved', resolved_at = ?, resolution = ? WHERE id = ? AND state != 'resolved'").execute(arguments: [Timestamp.now(), resolution, id])
        if db.changesCount > 0 { try publish(db, id: id) }
    }

    /// Resolves every open alert of a child the replica no longer knows.
    func resolveAll(_ db: Database, number: String, resolution: String) throws {
        // Not rule 5's: a suspect the registry does not know is closed by the cross-check alone.
        for id in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM alert WHERE student = ? AND state != 'resolved' AND rule != 'crosscheckSuspect'"), arguments: [number]) {
            try resolve(db, id: id, resolution: resolution)
        }
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

    /// Publishes the alert as it now stands on `monitor.alert.<township>`.
    func publish(_ db: Database, id: Int64) throws {
        guard let alert = try alert(db, id: id) else { return }
        try Outbox.monitor.append(db, type: MonitorMessage.Event.alert, topic: "\(MonitorMessage.Event.alert).\(alert.township)", body: alert, actor: nil)
    }

    // MARK: Reading

    static let columns = "a.id, a.rule, a.severity, a.state, a.student, COALESCE(s.name, x.name) AS name, a.township, a.school, a.text, a.text_en, a.created_at, a.ack_at, a.ack_by, a.note, a.resolved_at, a.resolution, a.case_id"
    // A cross-check suspect the registry does not know is named by the suspected-dropout ledger.
    static let from = "alert a LEFT JOIN student s ON s.number = a.student LEFT JOIN crosscheck_suspect x ON x.student = a.student"

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
        let rule = AlertRule(rawValue: row["rule"]) ?? .dropoutReported
        return Alert(
            id: row["id"], rule: rule, severity: AlertSeverity(rawValue: row["severity"]) ?? rule.severity, state: AlertState(rawValue: row["state"]) ?? .open,
            studentName: row["name"] ?? "", student: StudentNumber.maskedText(row["student"]), township: row["township"], school: row["school"],
            text: row["text"], textEnglish: row["text_en"], createdAt: row["created_at"], acknowledgedAt: row["ack_at"], acknowledgedBy: row["ack_by"],
            note: row["note"], resolvedAt: row["resolved_at"], resolution: row["resolution"], caseID: row["case_id"])
    }

    static func noSuchAlert(_ id: Int64) -> ServiceError {
        ServiceError(.alertNotFound, "没有编号为\(id)的预警 (no alert \(id))")
    }
}
