import BaoxueContracts
import GRDB

/// Dynamic monitoring (动态监测, DOMAIN.md rules 1–4 and 6) run against the database: gathers
/// one child's facts, absences and case, asks ``ChildRules`` which alerts should be open, opens a
/// case for a four-week absence, and reconciles the child's alerts. Runs after every change to a
/// child (an event, an absence, a case action) and from the sweep; it is on the hot path of an
/// alert (docs/performance.md), so every statement it runs is a cached one.
struct RuleEngine: Sendable {
    let settings: MonitorSettings

    var childRules: ChildRules { ChildRules(settings: settings) }
    var alerts: AlertStore { AlertStore() }
    var absences: AbsenceStore { AbsenceStore(settings: settings) }
    var cases: CaseStore { CaseStore(settings: settings) }

    /// How far back absences matter: the rule-4 window, and long enough for a 20-day streak.
    var absenceHorizonDays: Int { max(settings.absenceWindowDays, settings.absenceDropoutDays * 2 + 14) }

    /// Runs the child rules and the case rule for one child and reconciles its alerts: opens what
    /// should be open, resolves what no longer applies, opens a case for a four-week absence.
    func evaluate(_ db: Database, number: String, today: CivilDate) throws {
        guard let child = try ChildFacts.fetch(db, number: number) else {
            try alerts.resolveAll(db, number: number, resolution: ChildRules.resolution(.dropoutReported, child: nil))
            return
        }
        let rules = childRules
        var (unexplained, excused) = try absences.days(db, number: number, since: today.adding(days: -absenceHorizonDays))
        var dropoutCase = try CaseRow.fetch(db, student: number)
        // A child back in class on probation starts afresh: the absences that opened the case do
        // not open it again (new ones during probation reopen it, ``CaseStore``).
        if dropoutCase?.state == .probation, let back = dropoutCase?.closedOn {
            unexplained = unexplained.filter { $0 > back }
            excused = excused.filter { $0 > back }
        }
        var findings = rules.findings(child, unexplained: unexplained, excused: excused, today: today, caseID: dropoutCase?.activeID)
        if findings[.absenceDropout] != nil, dropoutCase?.state != .open {
            try cases.open(db, number: number, origin: .absenceDropout, causes: [], actor: "monitor", note: "连续\(settings.absenceDropoutDays)个教学日无故缺课 (absent \(settings.absenceDropoutDays) school days)", on: today)
            dropoutCase = try CaseRow.fetch(db, student: number)
            findings = rules.findings(child, unexplained: unexplained, excused: excused, today: today, caseID: dropoutCase?.activeID)
        }
        if let dropoutCase, let stalled = stalledFinding(child, dropoutCase, today: today) {
            findings[.caseStalled] = stalled
        }
        try alerts.reconcile(db, child: child, findings: findings, caseID: dropoutCase?.activeID)
    }

    /// Rule 6: a case open with no visit for too long, or open too long at all.
    func stalledFinding(_ child: ChildFacts, _ dropoutCase: CaseRow, today: CivilDate) -> ChildRules.Finding? {
        guard dropoutCase.state == .open else { return nil }
        // A reopened case is new work: its clock starts from the reopening.
        let since = dropoutCase.reopenedOn ?? dropoutCase.openedOn
        // Days in session: casework pauses with the school over the holidays (no escalation in
        // August for a case that had its last visit in July).
        let calendar = settings.calendar
        let lastWork = max(dropoutCase.lastVisitOn ?? since, dropoutCase.lastTeachingOn ?? since, since)
        let idle = calendar.sessionDays(after: lastWork, through: today)
        // A child taught at home while the case is open is being worked: no escalation while the
        // sessions keep coming, however long the case has been open (decision 105).
        if let taught = dropoutCase.lastTeachingOn, calendar.sessionDays(after: taught, through: today) <= settings.caseIdleDays { return nil }
        let open = calendar.sessionDays(after: since, through: today)
        if open > settings.caseMaximumOpenDays {
            return ChildRules.Finding(
                text: "\(child.name)（\(child.displaySchool)）的劝返案件\(dropoutCase.id)立案已\(open)天（不计假期）仍未销号，已上报县级。",
                textEnglish: "Case \(dropoutCase.id) of \(child.name) (\(child.displaySchool)) has been open \(open) days (holidays not counted): escalated to the county.")
        }
        if idle > settings.caseIdleDays {
            return ChildRules.Finding(
                text: "\(child.name)（\(child.displaySchool)）的劝返案件\(dropoutCase.id)已\(idle)天（不计假期）无走访记录，已上报县级。",
                textEnglish: "Case \(dropoutCase.id) of \(child.name) (\(child.displaySchool)) has had no visit for \(idle) days (holidays not counted): escalated to the county.")
        }
        return nil
    }
}
