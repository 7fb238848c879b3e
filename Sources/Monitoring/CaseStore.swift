import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// Persuasion-return cases (劝返, "一家一案、一生一策"; DOMAIN.md "A case"): one case per child,
/// reopened rather than duplicated, closed (销号) by an outcome or by the registry's return and a
/// probation. Every action is appended to the case's history and published as
/// `monitor.case.<township>`; the triggers of migration "v3-targets" log each move into or out of
/// the open state (``CaseMove``). Every method runs in the caller's transaction.
struct CaseStore: Sendable {
    let settings: MonitorSettings

    var rules: RuleEngine { RuleEngine(settings: settings) }

    /// Opens the child's case, or reopens the one they had. Idempotent while it is open.
    @discardableResult
    func open(_ db: Database, number: String, origin: CaseOrigin, causes: [DropoutCause], actor: String, note: String?, on date: CivilDate) throws -> Int64 {
        guard let child = try ChildFacts.fetch(db, number: number) else { throw ChildFacts.noSuchChild }
        if let existing = try CaseRow.fetch(db, student: number) {
            if existing.state == .open { return existing.id }
            try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'open', origin = ?, township = ?, school = ?, outcome = NULL, closed_on = NULL, probation_until = NULL, reopened = reopened + 1, causes = ?, reopened_on = ? WHERE id = ?").execute(arguments: [origin.rawValue, child.township, child.school, CaseRow.encode(causes.isEmpty ? existing.causes : causes), date.description, existing.id])
            try history(db, existing.id, actor: actor, kind: "reopened", detail: "\(origin.rawValue)\(note.map { ": \($0)" } ?? "")")
            try publish(db, id: existing.id, today: date)
            return existing.id
        }
        try db.cachedStatement(sql: "INSERT INTO dropout_case (student, township, school, state, origin, opened_on, causes) VALUES (?, ?, ?, 'open', ?, ?, ?)").execute(arguments: [number, child.township, child.school, origin.rawValue, date.description, CaseRow.encode(causes)])
        let id = db.lastInsertedRowID
        try history(db, id, actor: actor, kind: "opened", detail: "\(origin.rawValue)\(note.map { ": \($0)" } ?? "")")
        try publish(db, id: id, today: date)
        return id
    }

    /// The registry recorded the child's return, or a move into a special-education or
    /// vocational school: the case closes with that outcome and the child is watched for the
    /// probation days.
    func confirmReturn(_ db: Database, number: String, on date: CivilDate, actor: String, outcome: CaseOutcome = .returned) throws {
        guard let existing = try CaseRow.fetch(db, student: number), existing.state == .open else { return }
        try startProbation(db, id: existing.id, on: date, actor: actor, today: date, outcome: outcome) { until in
            outcome == .returned
                ? "学籍已办理劝返复学，观察至\(until) (return recorded by the registry; watched until \(until))"
                : "学籍已转入\(outcome.chinese)，观察至\(until) (the registry placed the child: \(outcome.rawValue); watched until \(until))"
        }
    }

    /// Both ways back, the registry's `return` and a confirmation that an enrolled child is back in
    /// class, close the case as returned into the same probation.
    func startProbation(_ db: Database, id: Int64, on date: CivilDate, actor: String, today: CivilDate, outcome: CaseOutcome = .returned, detail: (CivilDate) -> String) throws {
        let until = date.adding(days: settings.probationDays)
        try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'probation', outcome = ?, closed_on = ?, probation_until = ? WHERE id = ?").execute(arguments: [outcome.rawValue, date.description, until.description, id])
        try history(db, id, actor: actor, kind: "probation", detail: detail(until))
        try publish(db, id: id, today: today)
    }

    /// An unexplained absence during probation reopens the case.
    func absentDuringProbation(_ db: Database, number: String, on date: CivilDate, actor: String) throws {
        guard let existing = try CaseRow.fetch(db, student: number), existing.state == .probation,
            let closed = existing.closedOn, date >= closed
        else { return }
        try open(db, number: number, origin: existing.origin, causes: existing.causes, actor: actor, note: "观察期内\(date)无故缺课 (unexplained absence on \(date) during probation)", on: date)
    }

    /// Closes for good every case whose probation ended before `today`.
    /// - Returns: how many closed.
    func endProbations(_ db: Database, today: CivilDate) throws -> Int {
        let ended = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, probation_until FROM dropout_case WHERE state = 'probation' AND probation_until < ?"), arguments: [today.description])
        for row in ended {
            let id: Int64 = row["id"]
            try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'closed' WHERE id = ?").execute(arguments: [id])
            try history(db, id, actor: "monitor", kind: "closed", detail: "观察期至\(row["probation_until"] as String)结束，销号 (probation ended: closed)")
            try publish(db, id: id, today: today)
        }
        return ended.count
    }

    /// An open case follows the child to their new school and township.
    func follow(_ db: Database, student number: String, township: String, school: String) throws {
        try db.cachedStatement(sql: "UPDATE dropout_case SET township = ?, school = ? WHERE student = ? AND state != 'closed' AND (township != ? OR school != ?)").execute(arguments: [township, school, number, township, school])
    }

    /// Appends to the case's history (append-only: `case_history` refuses updates and deletes).
    func history(_ db: Database, _ id: Int64, actor: String, kind: String, detail: String) throws {
        try db.cachedStatement(sql: "INSERT INTO case_history (case_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)").execute(arguments: [id, Timestamp.now(), actor, kind, detail])
    }

    /// Publishes the case's summary as it now stands on `monitor.case.<township>`.
    func publish(_ db: Database, id: Int64, today: CivilDate) throws {
        guard let row = try CaseRow.fetch(db, id: id) else { return }
        let summary = try summary(db, row, today: today)
        try Outbox.monitor.append(db, type: MonitorMessage.Event.caseChanged, topic: "\(MonitorMessage.Event.caseChanged).\(row.township)", body: summary, actor: nil)
    }

    static func noSuchCase(_ id: Int64) -> ServiceError {
        ServiceError(.caseNotFound, "没有编号为\(id)的案件 (no case \(id))")
    }
}
