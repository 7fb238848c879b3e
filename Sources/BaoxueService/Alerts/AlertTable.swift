import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The alert table every alerting service keeps (ARCHITECTURE.md: the monitor, the subsidy and
/// the care services), and what is the same about an alert wherever it is raised: its columns,
/// reading and listing, acknowledgement, resolution, and publishing every transition as
/// `<service>.alert.<township>` with the one ``Alert`` body the gateway delivers. A service's own
/// store decides *which* alerts should be open (its rules) and inserts them with its own columns;
/// everything else goes through here, so an alert means the same in every service.
///
/// Every method runs in the caller's write transaction and appends its events to the outbox there.
public struct AlertTable: Sendable {
    public let service: ServiceName
    let outbox: Outbox
    /// How the child's name is found for a row (`COALESCE(s.name, …)`), and the joins it needs.
    let name: String
    let joins: String
    /// Whether the table has the monitor's `case_id` column.
    let hasCase: Bool
    /// What a missing alert is called in the refusal ("预警", "资助预警").
    let noun: (zh: String, en: String)

    public init(service: ServiceName, outbox: Outbox, name: String, joins: String, hasCase: Bool = false, noun: (zh: String, en: String)) {
        self.service = service
        self.outbox = outbox
        self.name = name
        self.joins = joins
        self.hasCase = hasCase
        self.noun = noun
    }

    /// The columns every alert table has; a service adds its own (`case_id`, `program`, `term`,
    /// `surrogate_id`) after them. For the services' migrations.
    public static let commonColumns = """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rule TEXT NOT NULL,
        student TEXT NOT NULL,
        township TEXT NOT NULL,
        school TEXT NOT NULL,
        severity TEXT NOT NULL,
        state TEXT NOT NULL,
        text TEXT NOT NULL,
        text_en TEXT NOT NULL,
        created_at TEXT NOT NULL,
        ack_at TEXT,
        ack_by TEXT,
        note TEXT,
        resolved_at TEXT,
        resolution TEXT
        """

    // MARK: Transitions

    /// Resolves an alert the rules no longer want, saying why, and publishes it; an alert already
    /// resolved is left as it is. Answers whether it changed.
    @discardableResult
    public func resolve(_ db: Database, id: Int64, resolution: String) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE alert SET state = 'resolved', resolved_at = ?, resolution = ? WHERE id = ? AND state != 'resolved'").execute(arguments: [Timestamp.now(), resolution, id])
        guard db.changesCount > 0 else { return false }
        try publish(db, id: id)
        return true
    }

    /// Someone responsible has seen it. Acknowledging twice keeps the first acknowledgement.
    /// - Throws: `alert.notFound`, `alert.invalid` (a note over 500 characters), `scope.forbidden`.
    public func acknowledge(_ db: Database, _ request: AlertAcknowledgement, actor: Actor) throws -> Alert {
        guard let alert = try alert(db, id: request.id) else { throw AccessScope(actor).missing(noSuchAlert(request.id)) }
        try AccessScope(actor).requireCaseWork(township: alert.township, school: alert.school)
        if let note = request.note, note.count > 500 {
            throw ServiceError(.alertInvalid, "备注最多500字 (a note is at most 500 characters)", problems: [FieldProblem(field: "note", reason: "at most 500 characters")])
        }
        guard alert.state == .open else { return alert }
        try db.cachedStatement(sql: "UPDATE alert SET state = 'acknowledged', ack_at = ?, ack_by = ?, note = ? WHERE id = ?").execute(arguments: [Timestamp.now(), actor.user, request.note, request.id])
        try publish(db, id: request.id)
        return try self.alert(db, id: request.id)!
    }

    /// Publishes the alert as it now stands on `<service>.alert.<township>`.
    @discardableResult
    public func publish(_ db: Database, id: Int64) throws -> Alert? {
        guard let alert = try alert(db, id: id) else { return nil }
        let type = AlertMessage.event(service)
        try outbox.append(db, type: type, topic: "\(type).\(alert.township)", body: alert, actor: nil)
        return alert
    }

    // MARK: Reading

    var columns: String {
        "a.id, a.rule, a.severity, a.state, a.student, \(name) AS name, a.township, a.school, a.text, a.text_en, a.created_at, a.ack_at, a.ack_by, a.note, a.resolved_at, a.resolution, \(hasCase ? "a.case_id" : "NULL AS case_id")"
    }

    public func alert(_ db: Database, id: Int64) throws -> Alert? {
        try db.cachedStatement(sql: "SELECT \(columns) FROM alert a \(joins) WHERE a.id = ?").fetchFirst(arguments: [id]) { alert($0) }
    }

    /// Alerts newest first, open ones unless a state is asked for; the caller has narrowed the
    /// query to the actor's scope. At most 1,000.
    public func list(_ db: Database, _ query: AlertQuery) throws -> [Alert] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("a.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("a.school = ?"); arguments += [school] }
        if let state = query.state { conditions.append("a.state = ?"); arguments += [state.rawValue] } else { conditions.append("a.state != 'resolved'") }
        if let rule = query.rule { conditions.append("a.rule = ?"); arguments += [rule.rawValue] }
        arguments += [min(max(query.limit, 1), 1_000)]
        return try Row.fetchAll(db, sql: "SELECT \(columns) FROM alert a \(joins) WHERE \(conditions.joined(separator: " AND ")) ORDER BY a.id DESC LIMIT ?", arguments: arguments).map { alert($0) }
    }

    /// Read by position, in the order of ``columns``: 0 id, 1 rule, 2 severity, 3 state,
    /// 4 student, 5 name, 6 township, 7 school, 8 text, 9 text_en, 10 created_at, 11 ack_at,
    /// 12 ack_by, 13 note, 14 resolved_at, 15 resolution, 16 case_id.
    func alert(_ row: some PositionalColumns) -> Alert {
        let rule = AlertRule(rawValue: row[1]) ?? .dropoutReported
        return Alert(
            id: row[0], service: service, rule: rule, severity: AlertSeverity(rawValue: row[2]) ?? rule.severity, state: AlertState(rawValue: row[3]) ?? .open,
            studentName: row[5] ?? "", student: Masking.studentNumber(row[4]), township: row[6], school: row[7],
            text: row[8], textEnglish: row[9], createdAt: row[10], acknowledgedAt: row[11], acknowledgedBy: row[12],
            note: row[13], resolvedAt: row[14], resolution: row[15], caseID: row[16])
    }

    public func noSuchAlert(_ id: Int64) -> ServiceError {
        ServiceError(.alertNotFound, "没有编号为\(id)的\(noun.zh) (no \(noun.en) \(id))")
    }
}
