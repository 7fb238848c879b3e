import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The monitoring service's logic over its database: the registry replica, the rules, alerts,
/// absences and cases. Every method runs inside the caller's transaction, and every change that
/// others must hear about is written to the outbox in that same transaction.
public struct MonitorStore: Sendable {
    public let settings: MonitorSettings
    let outbox = Outbox(publisher: "monitor")
    var rules: ChildRules { ChildRules(settings: settings) }

    public init(settings: MonitorSettings) {
        self.settings = settings
    }

    /// How far back absences matter: the rule-4 window, and long enough for a 20-day streak.
    var absenceHorizonDays: Int { max(settings.absenceWindowDays, settings.absenceDropoutDays * 2 + 14) }

    // MARK: Replica

    /// What `service.status` shows the county: the replica's size, open alerts and cases, and
    /// recorded absences. Whom the monitor follows, and how far, is in its subscriptions.
    public static func counts(_ db: Database) throws -> [String: Int] {
        [
            "students": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0,
            "openAlerts": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE state != 'resolved'") ?? 0,
            "openCases": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dropout_case WHERE state = 'open'") ?? 0,
            "absences": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM absence") ?? 0,
        ]
    }

    /// Applies one registry event (inside the subscriber's transaction, with its cursor).
    func apply(_ db: Database, _ event: ReceivedEvent, today: CivilDate) throws {
        switch event.header.type {
        case RegistryMessage.Event.schoolUpserted:
            let school = try WireCoding.decode(SchoolRecord.self, from: event.body)
            try db.cachedStatement(sql: "INSERT INTO school (code, name, township) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, township = excluded.township").execute(arguments: [school.code, school.name, school.township])
        case RegistryMessage.Event.studentAdded, RegistryMessage.Event.studentUpdated:
            let student = try WireCoding.decode(Student.self, from: event.body)
            try upsert(db, student, change: nil)
            try evaluate(db, number: student.record.studentNumber.value, today: today)
        case RegistryMessage.Event.statusChanged:
            let changed = try WireCoding.decode(StatusChangedEvent.self, from: event.body)
            try upsert(db, changed.student, change: changed.change)
            let number = changed.student.record.studentNumber.value
            switch changed.change.kind {
            case .dropOut:
                let causes = changed.change.reason.map(DropoutCause.parse) ?? []
                try openCase(db, number: number, origin: .dropoutReported, causes: causes, actor: event.header.actor?.user ?? "registry", note: changed.change.reason, on: changed.change.date)
            case .return:
                try confirmReturn(db, number: number, on: changed.change.date, actor: event.header.actor?.user ?? "registry")
            default:
                break
            }
            try evaluate(db, number: number, today: today)
        default:
            break  // events this service does not follow
        }
    }

    /// Writes a student's replica row. A status change sets the status date (and a suspension's
    /// expected end); an import leaves them as they were while the status stays the same.
    func upsert(_ db: Database, _ student: Student, change: StatusChange?) throws {
        let record = student.record
        let number = record.studentNumber.value
        let previous = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, status_date, expected_end, revision FROM student WHERE number = ?"), arguments: [number])
        // Events can be replayed: an older revision never overwrites a newer one.
        if let previous, (previous["revision"] as Int) > student.revision { return }
        var statusDate = previous?["status_date"] as String?
        var expectedEnd = previous?["expected_end"] as String?
        if let change {
            statusDate = change.date.description
            expectedEnd = change.kind == .suspend ? change.expectedEnd?.description : (student.status == .suspended ? expectedEnd : nil)
        } else if (previous?["status"] as String?) != student.status.rawValue {
            statusDate = nil
            expectedEnd = nil
        }
        let family: String? = record.guardianPhone.flatMap { $0.isEmpty ? nil : "phone:\($0)" }
            ?? record.guardianName.flatMap { name in record.householdRegion.map { "guardian:\(name)@\($0)" } }
        try db.cachedStatement(sql: """
                INSERT INTO student (number, id_number, name, birth_date, school, township, grade, status, status_date, expected_end, registered_poor, left_behind, disability, family, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(number) DO UPDATE SET id_number = excluded.id_number, name = excluded.name, birth_date = excluded.birth_date,
                    school = excluded.school, township = excluded.township, grade = excluded.grade, status = excluded.status,
                    status_date = excluded.status_date, expected_end = excluded.expected_end, registered_poor = excluded.registered_poor,
                    left_behind = excluded.left_behind, disability = excluded.disability, family = excluded.family, revision = excluded.revision
                """).execute(arguments: [
                number, record.idNumber?.value, record.name, record.birthDate.description, record.schoolCode, student.township, record.grade,
                student.status.rawValue, statusDate, expectedEnd, record.registeredPoor, record.leftBehind.rawValue, record.disability.rawValue, family, student.revision,
            ])
        // An open case follows the child to their new school and township.
        try db.cachedStatement(sql: "UPDATE dropout_case SET township = ?, school = ? WHERE student = ? AND state != 'closed' AND (township != ? OR school != ?)").execute(arguments: [student.township, record.schoolCode, number, student.township, record.schoolCode])
    }

    // MARK: Rules

    /// Runs the child rules and the case rule for one child and reconciles its alerts: opens what
    /// should be open, resolves what no longer applies, opens a case for a four-week absence.
    func evaluate(_ db: Database, number: String, today: CivilDate) throws {
        guard let child = try ChildFacts.fetch(db, number: number) else {
            try resolveAll(db, number: number, resolution: ChildRules.resolution(.dropoutReported, child: nil))
            return
        }
        let (unexplained, excused) = try absences(db, number: number, since: today.adding(days: -absenceHorizonDays))
        var dropoutCase = try CaseRow.fetch(db, student: number)
        var findings = rules.findings(child, unexplained: unexplained, excused: excused, today: today, caseID: dropoutCase?.activeID)
        if findings[.absenceDropout] != nil, dropoutCase?.state != .open {
            try openCase(db, number: number, origin: .absenceDropout, causes: [], actor: "monitor", note: "连续\(settings.absenceDropoutDays)个教学日无故缺课 (absent \(settings.absenceDropoutDays) school days)", on: today)
            dropoutCase = try CaseRow.fetch(db, student: number)
            findings = rules.findings(child, unexplained: unexplained, excused: excused, today: today, caseID: dropoutCase?.activeID)
        }
        if let dropoutCase, let stalled = stalledFinding(child, dropoutCase, today: today) {
            findings[.caseStalled] = stalled
        }
        try reconcile(db, child: child, findings: findings, caseID: dropoutCase?.activeID)
    }

    /// A child's absences since a date: unexplained, and on leave (with a reason).
    func absences(_ db: Database, number: String, since: CivilDate) throws -> (unexplained: Set<CivilDate>, excused: Set<CivilDate>) {
        var unexplained: Set<CivilDate> = [], excused: Set<CivilDate> = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT date, reason FROM absence WHERE student = ? AND date >= ?"), arguments: [number, since.description]) {
            guard let date = CivilDate(parsing: row["date"] as String) else { continue }
            if ((row["reason"] as String?) ?? "").isEmpty { unexplained.insert(date) } else { excused.insert(date) }
        }
        return (unexplained, excused)
    }

    /// Rule 6: a case open with no visit for too long, or open too long at all.
    func stalledFinding(_ child: ChildFacts, _ dropoutCase: CaseRow, today: CivilDate) -> ChildRules.Finding? {
        guard dropoutCase.state == .open else { return nil }
        // A reopened case is new work: its clock starts from the reopening.
        let since = dropoutCase.reopenedOn ?? dropoutCase.openedOn
        let idle = today.dayNumber - max((dropoutCase.lastVisitOn ?? since).dayNumber, since.dayNumber)
        let open = today.dayNumber - since.dayNumber
        if open > settings.caseMaximumOpenDays {
            return ChildRules.Finding(
                text: "\(child.name)（\(child.displaySchool)）的劝返案件\(dropoutCase.id)立案已\(open)天仍未销号，已上报县级。",
                textEnglish: "Case \(dropoutCase.id) of \(child.name) (\(child.displaySchool)) has been open \(open) days: escalated to the county.")
        }
        if idle > settings.caseIdleDays {
            return ChildRules.Finding(
                text: "\(child.name)（\(child.displaySchool)）的劝返案件\(dropoutCase.id)已\(idle)天无走访记录，已上报县级。",
                textEnglish: "Case \(dropoutCase.id) of \(child.name) (\(child.displaySchool)) has had no visit for \(idle) days: escalated to the county.")
        }
        return nil
    }
}

extension DropoutCause {
    /// The causes named in a free-text reason (`厌学，家庭经济困难`); `other` when none is named.
    static func parse(_ reason: String) -> [DropoutCause] {
        // One lowercased copy: `localizedCaseInsensitiveContains` per cause cost more than the
        // rest of applying a dropout event.
        let lowered = reason.lowercased()
        let found = DropoutCause.allCases.filter { reason.contains($0.chinese) || lowered.contains($0.rawValue.lowercased()) }
        return found.isEmpty ? [.other] : found
    }
}
