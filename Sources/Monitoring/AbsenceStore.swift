import BaoxueContracts
import GRDB

/// Absences reported by schools (缺课), one row per child per day: a second report for the day
/// replaces the first, so a later explanation turns an unexplained absence into leave (请假).
/// Each report re-runs the child's rules; an unexplained one during probation reopens the case.
struct AbsenceStore: Sendable {
    let settings: MonitorSettings

    var cases: CaseStore { CaseStore(settings: settings) }
    var rules: RuleEngine { RuleEngine(settings: settings) }

    /// Records one absence.
    /// - Parameter school: the school a CSV row names; the child must attend it
    ///   (`absence.wrongSchool` otherwise). Nil for a single report, which names only the child.
    func report(_ db: Database, _ report: AbsenceReport, school: String?, actor: Actor, today: CivilDate) throws {
        guard let child = try ChildFacts.find(db, key: report.student) else { throw AccessScope(actor).missing(ChildFacts.noSuchChild) }
        try AccessScope(actor).requireAbsenceReport(school: child.school)
        if let school, school != child.school {
            throw ServiceError(.absenceWrongSchool, "该学生在\(child.displaySchool)（\(child.school)）就读，不在\(school) (the child attends \(child.school), not \(school))", problems: [FieldProblem(field: "学校标识码", reason: "the child's school is \(child.school)")])
        }
        guard report.date <= today, report.date >= today.adding(days: -366) else {
            throw ServiceError(.absenceBadDate, "缺课日期\(report.date)应在一年内且不晚于今天 (the date must be within the last year, not in the future)", problems: [FieldProblem(field: "日期", reason: "within the last year")])
        }
        let reason = report.reason.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : $0 }
        if let reason, reason.count > AbsenceReport.maximumReasonLength || reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ServiceError(.absenceInvalid, "缺课原因最多\(AbsenceReport.maximumReasonLength)字 (a reason is at most \(AbsenceReport.maximumReasonLength) characters)", problems: [FieldProblem(field: "缺课原因", reason: "too long")])
        }
        try db.cachedStatement(sql: """
                INSERT INTO absence (student, date, reason, school, reported_at, reported_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(student, date) DO UPDATE SET reason = excluded.reason, reported_at = excluded.reported_at, reported_by = excluded.reported_by
                """).execute(arguments: [child.number, report.date.description, reason, child.school, Timestamp.now(), actor.user])
        if reason == nil {
            try cases.absentDuringProbation(db, number: child.number, on: report.date, actor: actor.user)
        }
        try rules.evaluate(db, number: child.number, today: today)
    }

    /// A school's daily CSV: each row applied on its own, refused rows reported with their row
    /// number and reason, the rest recorded, all in one transaction.
    func importBatch(_ db: Database, _ batch: AbsenceBatch, actor: Actor, today: CivilDate) throws -> ImportReport {
        var result = ImportReport()
        for row in batch.rows {
            let existed = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM absence a JOIN student s ON s.number = a.student WHERE (s.id_number = ? OR s.number = ?) AND a.date = ?"), arguments: [row.record.absence.student, row.record.absence.student, row.record.absence.date.description]) ?? false
            do {
                try db.inSavepoint {
                    try report(db, row.record.absence, school: row.record.school, actor: actor, today: today)
                    return .commit
                }
                if existed { result.updated += 1 } else { result.imported += 1 }
            } catch let error as ServiceError {
                result.rejected.append(RowProblem(row: row.row, column: error.problems?.first?.field, reason: error.message))
            }
        }
        return result
    }

    /// A child's absences since a date: unexplained, and on leave (with a reason).
    func days(_ db: Database, number: String, since: CivilDate) throws -> (unexplained: Set<CivilDate>, excused: Set<CivilDate>) {
        var unexplained: Set<CivilDate> = [], excused: Set<CivilDate> = []
        try db.cachedStatement(sql: "SELECT date, reason FROM absence WHERE student = ? AND date >= ?").forEachRow(arguments: [number, since.description]) { row in
            guard let date = CivilDate(parsing: row[0] as String) else { return }
            if ((row[1] as String?) ?? "").isEmpty { unexplained.insert(date) } else { excused.insert(date) }
        }
        return (unexplained, excused)
    }
}
