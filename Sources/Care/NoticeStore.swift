import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Notices to the people caring for a left-behind child (DOMAIN.md: "a left-behind child who shows
/// up in monitoring's warnings is flagged to the surrogate parent"): the monitor's alerts and cases
/// on a child on the ledger go to the child's surrogate parent and are recorded for the school's
/// home; a care reminder goes to the surrogate it concerns. Each is recorded once per cause and
/// recipient (a replayed monitor event sends nothing twice) and published as
/// `care.notice.<township>`, from which the gateway delivers to the surrogate's own channel.
struct NoticeStore: Sendable {
    /// Applies one monitor event (inside the subscriber's transaction, with its cursor).
    func apply(_ db: Database, _ event: ReceivedEvent) throws {
        switch event.header.type {
        case MonitorMessage.Event.alert:
            let alert = try WireCoding.decode(Alert.self, from: event.body)
            // A new alert: acknowledgements and resolutions are the township's business.
            guard alert.state == .open, alert.acknowledgedAt == nil, alert.resolvedAt == nil,
                let number = try Self.match(db, masked: alert.student, name: alert.studentName, school: alert.school)
            else { return }
            try notify(db, number: number, source: .monitorAlert, sourceID: alert.id, key: "monitor-alert:\(alert.id)", rule: alert.rule,
                       text: "监测预警（\(alert.rule.label(.zh))）：\(alert.text)", textEnglish: "Monitoring alert (\(alert.rule.label(.en))): \(alert.textEnglish)")
        case MonitorMessage.Event.caseChanged:
            let summary = try WireCoding.decode(CaseSummary.self, from: event.body)
            guard summary.state == .open else { return }
            // A case opened by a reported dropout or a four-week absence comes with its alert,
            // which the surrogate was told about: only other openings, and reopenings, notify.
            if summary.reopened == 0, summary.origin == .dropoutReported || summary.origin == .absenceDropout { return }
            guard let number = try Self.match(db, masked: summary.student, name: summary.studentName, school: summary.school) else { return }
            let reopened = summary.reopened > 0
            try notify(
                db, number: number, source: .monitorCase, sourceID: summary.id, key: "monitor-case:\(summary.id):\(summary.reopened)", rule: nil,
                text: "控辍劝返案件\(summary.id)已\(reopened ? "重新" : "")立案（\(summary.studentName)，\(summary.schoolName ?? summary.school)）。请配合乡镇、学校做好关爱和劝返。",
                textEnglish: "Persuasion-return case \(summary.id) was \(reopened ? "reopened" : "opened") for \(summary.studentName) (\(summary.schoolName ?? summary.school)). Please support the township and school.")
        default:
            break  // heartbeats, events this service does not follow
        }
    }

    /// Tells a child's surrogate parent, and records for the school's home, when the child is on
    /// the ledger.
    private func notify(_ db: Database, number: String, source: NoticeSource, sourceID: Int64, key: String, rule: AlertRule?, text: String, textEnglish: String) throws {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT a.surrogate_id, h.id AS home_id FROM ledger_entry e LEFT JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL
                LEFT JOIN home h ON h.school = e.school WHERE e.student = ? AND e.state = 'active'
                """), arguments: [number])
        guard let row else { return }
        if let surrogate = row["surrogate_id"] as Int64? {
            try send(db, to: .surrogate, id: surrogate, student: number, source: source, sourceID: sourceID, key: key, rule: rule, text: text, textEnglish: textEnglish)
        }
        if let home = row["home_id"] as Int64? {
            try send(db, to: .home, id: home, student: number, source: source, sourceID: sourceID, key: key, rule: rule, text: text, textEnglish: textEnglish)
        }
    }

    /// Records a notice and publishes it, once per cause (`key`) and recipient.
    func send(_ db: Database, to recipient: NoticeRecipient, id: Int64, student: String, source: NoticeSource, sourceID: Int64, key: String, rule: AlertRule?, text: String, textEnglish: String) throws {
        guard let child = try ChildRow.fetch(db, number: student) else { return }
        let prefix = recipient == .surrogate ? ("【代理家长提醒】", "[Surrogate parent] ") : ("【留守儿童之家】", "[Home for left-behind children] ")
        try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO notice (recipient, recipient_id, student, township, school, source, source_id, source_key, rule, text, text_en, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [recipient.rawValue, id, student, child.township, child.school, source.rawValue, sourceID, key, rule?.rawValue, prefix.0 + text, prefix.1 + textEnglish, Timestamp.now()])
        guard db.changesCount > 0, let notice = try notices(db, filter: "WHERE n.id = ?", [db.lastInsertedRowID]).first else { return }
        try Outbox.care.append(db, type: CareMessage.Event.notice, topic: "\(CareMessage.Event.notice).\(notice.township)", body: notice, actor: nil)
    }

    /// The child the monitor names by masked student number and name: the one child of the
    /// replica with both (at the named school when two share them); nil when there is none, or
    /// when two children at the same school share both, rather than guess.
    static func match(_ db: Database, masked: String, name: String, school: String?) throws -> String? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT number, school FROM child WHERE masked = ? AND name = ?"), arguments: [masked, name])
        if rows.count == 1 { return rows[0]["number"] }
        let atSchool = rows.filter { school != nil && $0["school"] as String == school }
        return atSchool.count == 1 ? atSchool[0]["number"] : nil
    }

    // MARK: Reading

    static let columns = """
        n.id, n.recipient, n.recipient_id, COALESCE(g.name, h.name, '') AS recipient_name, c.masked, c.name AS student_name, n.township, n.school,
        n.source, n.source_id, n.rule, n.text, n.text_en, n.created_at
        """
    static let from = """
        notice n JOIN child c ON c.number = n.student LEFT JOIN surrogate g ON n.recipient = 'surrogate' AND g.id = n.recipient_id
        LEFT JOIN home h ON n.recipient = 'home' AND h.id = n.recipient_id
        """

    /// Notices newest first; the caller has narrowed the query to the scope.
    func list(_ db: Database, _ query: NoticeQuery) throws -> [Notice] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("n.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("n.school = ?"); arguments += [school] }
        if let surrogate = query.surrogate { conditions.append("n.recipient = 'surrogate' AND n.recipient_id = ?"); arguments += [surrogate] }
        arguments += [query.limit]
        return try notices(db, filter: (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY n.id DESC LIMIT ?", arguments)
    }

    /// A child's latest notices, newest first.
    func forStudent(_ db: Database, number: String, limit: Int = 20) throws -> [Notice] {
        try notices(db, filter: "WHERE n.student = ? ORDER BY n.id DESC LIMIT ?", [number, limit])
    }

    private func notices(_ db: Database, filter: String, _ arguments: StatementArguments) throws -> [Notice] {
        try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from) \(filter)", arguments: arguments).map { row in
            Notice(
                id: row["id"], recipient: NoticeRecipient(rawValue: row["recipient"]) ?? .surrogate, recipientID: row["recipient_id"], recipientName: row["recipient_name"],
                student: row["masked"], studentName: row["student_name"], township: row["township"], school: row["school"], source: NoticeSource(rawValue: row["source"]) ?? .monitorAlert,
                sourceID: row["source_id"], rule: (row["rule"] as String?).flatMap(AlertRule.init(rawValue:)), text: row["text"], textEnglish: row["text_en"], createdAt: row["created_at"])
        }
    }
}
