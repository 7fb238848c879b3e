import BaoxueContracts
import GRDB

/// A step of a child's way through compulsory education that the consolidation rate counts
/// (`cohort_mark`, ``CohortSchema``): entering grade 1, completing grade 9.
enum CohortMark: String, Sendable {
    /// First on the register in grade 1, enrolled.
    case entered
    /// Graduated from grade 9 (the end of compulsory education).
    case completed

    /// Records what a replica write means for the cohorts, in the transaction that applies the
    /// registry's event (decision 100):
    /// - the history begins today if it has not begun;
    /// - a child enrolled in grade 1 who was not before has entered, on the month of entry the
    ///   roster gives (入学年月) unless it is more than a month ahead, else on the change's date,
    ///   else today (the day the monitor heard: a roster import names no date);
    /// - a grade-9 child's graduation completes, on its date.
    ///
    /// `before` is the replica row as it was (nil for a child new to the monitor). A second mark
    /// of either kind for the same child is ignored: a child belongs to the cohort they entered
    /// with, however often they repeat the year.
    static func note(_ db: Database, _ student: Student, before: (grade: Int, status: String)?, change: StatusChange?, today: CivilDate) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO register_history (id, began_on) VALUES (1, ?)").execute(arguments: [today.description])
        let record = student.record
        let heard = change?.date ?? today
        if record.grade == 1, student.status == .enrolled, before.map({ $0.grade != 1 || $0.status != StudentStatus.enrolled.rawValue }) ?? true {
            let month = record.enrolledOn.flatMap(CivilMonth.init(parsing:)).map(\.first)
            // A roster sent in late August already gives September's month of entry.
            let date = month.flatMap { $0 <= heard.adding(days: 31) ? $0 : nil } ?? heard
            try insert(db, record.studentNumber.value, .entered, date, school: record.schoolCode, township: student.township)
        }
        if let change, change.kind == .graduate, record.grade == 9 {
            try insert(db, record.studentNumber.value, .completed, change.date, school: record.schoolCode, township: student.township)
        }
    }

    private static func insert(_ db: Database, _ student: String, _ kind: CohortMark, _ date: CivilDate, school: String, township: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO cohort_mark (student, kind, date, school, township) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [student, kind.rawValue, date.description, school, township])
    }

    /// The day the history began, or nil before the monitor applied its first student event.
    static func historyBegins(_ db: Database) throws -> CivilDate? {
        try String.fetchOne(db, sql: "SELECT began_on FROM register_history WHERE id = 1").flatMap(CivilDate.init(parsing:))
    }

    /// How many children of each school made this mark from `from` to `to`, both included,
    /// within the filter.
    static func counts(_ db: Database, _ kind: CohortMark, from: CivilDate, to: CivilDate, township: String?, school: String?) throws -> [CohortCount] {
        var sql = "SELECT township, school, COUNT(*) AS children FROM cohort_mark WHERE kind = ? AND date BETWEEN ? AND ?"
        var arguments: StatementArguments = [kind.rawValue, from.description, to.description]
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND school = ?"; arguments += [school] }
        sql += " GROUP BY township, school"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            CohortCount(township: row["township"], school: row["school"], count: row["children"])
        }
    }
}
