import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Rule 5's alerts (`crosscheckSuspect`), which the cross-check run raises and resolves itself
/// (decision 51): the child rules never touch them.
extension AlertStore {
    /// Rule 5's alert for a suspect. A child the registry does not know has no ``ChildFacts``,
    /// so this writes the alert from the finding, and publishes what it wrote without reading it
    /// back (a county's first run raises tens of thousands): the same ``Alert`` that
    /// ``publish(_:id:)`` would read, on `monitor.alert.<township>`.
    func raiseSuspectAlert(_ db: Database, finding: CrosscheckFinding, suspectID: Int64, at createdAt: String = Timestamp.now()) throws {
        let text = finding.alertText(suspectID: suspectID)
        let severity: AlertSeverity = finding.registeredPoor ? .urgent : AlertRule.crosscheckSuspect.severity
        try db.cachedStatement(sql: """
            INSERT INTO alert (rule, student, township, school, severity, state, text, text_en, created_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)
            """).execute(arguments: [AlertRule.crosscheckSuspect.rawValue, finding.student, finding.township, finding.school ?? "", severity.rawValue, text.zh, text.en, createdAt])
        let alert = Alert(
            id: db.lastInsertedRowID, rule: .crosscheckSuspect, severity: severity, state: .open, studentName: finding.name,
            student: Masking.studentNumber(finding.student), township: finding.township, school: finding.school ?? "",
            text: text.zh, textEnglish: text.en, createdAt: createdAt)
        try Outbox.monitor.append(db, type: MonitorMessage.Event.alert, topic: "\(MonitorMessage.Event.alert).\(finding.township)", body: alert, actor: nil)
    }

    /// The students with an unresolved rule 5 alert, so a run raises at most one per child.
    func studentsWithOpenSuspectAlerts(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT student FROM alert WHERE rule = ? AND state != 'resolved'", arguments: [AlertRule.crosscheckSuspect.rawValue]))
    }

    func resolveSuspectAlerts(_ db: Database, student: String, resolution: String) throws {
        let open = try Int64.fetchAll(db, sql: "SELECT id FROM alert WHERE student = ? AND rule = ? AND state != 'resolved'", arguments: [student, AlertRule.crosscheckSuspect.rawValue])
        for id in open { try resolve(db, id: id, resolution: resolution) }
    }
}
