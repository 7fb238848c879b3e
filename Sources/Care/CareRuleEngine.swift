import BaoxueContracts
import Foundation
import GRDB

/// The care rules run against the database: for one child after every change to them (a record,
/// an assignment, a contact, a registry event), and for every child on the ledger in the sweep,
/// which also moves off the ledger the children who turned 16.
struct CareRuleEngine: Sendable {
    let settings: CareSettings

    var alerts: CareAlertStore { CareAlertStore() }
    var rules: CareRules { CareRules(settings: settings) }

    /// Reconciles one child's care alerts with their facts today.
    func evaluate(_ db: Database, number: String, today: CivilDate) throws {
        let facts = try CareFacts.fetch(db, number: number)
        try alerts.reconcile(db, facts: facts, number: number, findings: facts.map { rules.findings($0, today: today) } ?? [:])
    }

    /// Every child on the ledger: those who turned 16 leave it (on their birthday), then every
    /// child's alerts are reconciled, reading the facts and the open alerts in one statement each.
    func sweep(_ db: Database, today: CivilDate) throws -> CareSweepReport {
        let started = ContinuousClock.now
        let ledger = LedgerStore(settings: settings)
        // Born on or before this day: 16 by today.
        let limit = CivilDate(year: today.year - 16, month: today.month, day: today.day) ?? CivilDate(year: today.year - 16, month: 2, day: 28)!
        var left = 0
        // From the children's side (`CROSS JOIN` keeps that order): a pass over the replica finds
        // the few born before the limit, where starting from the ledger looked up every child.
        for row in try Row.fetchAll(db, sql: "SELECT e.student, c.birth_date FROM child c CROSS JOIN ledger_entry e ON e.student = c.number WHERE c.birth_date <= ? AND e.state = 'active'", arguments: [limit.description]) {
            let birthDate = CivilDate(parsing: row["birth_date"] as String) ?? today
            try ledger.reevaluate(db, number: row["student"], today: today, on: LedgerDefinition.sixteenthBirthday(birthDate), actor: "care")
            left += 1
        }
        // The open alerts and the ledger, both in student-number order, walked side by side: no
        // lookup per child, and a child with alerts but no longer on the ledger shows up as
        // alerts before (or between) the ledger's children.
        let open = try Row.fetchAll(db, sql: "SELECT student, rule, id FROM alert WHERE state != 'resolved' ORDER BY student, rule").compactMap { row -> (student: String, rule: AlertRule, id: Int64)? in
            AlertRule(rawValue: row[1]).map { (row[0], $0, row[2]) }
        }
        var next = open.startIndex
        var report = CareSweepReport(today: today, children: 0, left: left, opened: 0, resolved: 0, milliseconds: 0)
        let rules = self.rules, alerts = self.alerts
        /// The open alerts of `student`, who is next in the walk.
        func take(_ student: String) -> [AlertRule: Int64] {
            var current: [AlertRule: Int64] = [:]
            while next < open.endIndex, open[next].student == student { current[open[next].rule] = open[next].id; next += 1 }
            return current
        }
        /// The open alerts of the children before `number` (exclusive) who are not on the ledger.
        func resolveOffLedger(before number: String?) throws {
            // Byte order, as SQLite's ORDER BY compares text.
            while next < open.endIndex, number.map({ open[next].student.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                let student = open[next].student
                let current = take(student)
                report.resolved += try alerts.reconcile(db, facts: nil, number: student, findings: [:], open: current).resolved
            }
        }
        let cursor = try Row.fetchCursor(db, sql: CareFacts.selectInNumberOrder)
        while let row = try cursor.next() {
            let facts = CareFacts(row: row)
            report.children += 1
            try resolveOffLedger(before: facts.number)
            let current = take(facts.number)
            let due = rules.due(facts, today: today)
            // Most children need nothing: the alert open is the rule due (or neither is there).
            if current.count == (due == nil ? 0 : 1), due.map({ current[$0.rule] != nil }) ?? true { continue }
            let findings = due.map { [$0.rule: rules.finding($0, facts: facts)] } ?? [:]
            let counts = try alerts.reconcile(db, facts: facts, number: facts.number, findings: findings, open: current)
            report.opened += counts.opened
            report.resolved += counts.resolved
        }
        try resolveOffLedger(before: nil)
        report.milliseconds = (ContinuousClock.now - started).milliseconds
        return report
    }
}
