import BaoxueContracts
import GRDB

/// One row of `case_ledger` as reports read it: a case moving into or out of the open state on a
/// county date, where the case was then, and the causes the case names now (a plan refines the
/// causes after the opening, and the report should show what is known).
struct LedgerEntry: Sendable, Equatable {
    /// How a case moved. `settled` (a probation that ended) is logged but is no move out of the
    /// open state, so reports leave it out.
    enum Move: String, Sendable {
        case opened, reopened, returned, closed, settled

        var opens: Bool { self == .opened || self == .reopened }
    }

    var move: Move
    var township: String
    var school: String
    var causes: [DropoutCause]

    init(row: Row) {
        move = Move(rawValue: row["kind"]) ?? .settled
        township = row["township"]
        school = row["school"]
        causes = CaseRow.decode(row["causes"])
    }

    /// Moves dated `from`…`to` (both included) that open or end a case.
    static func moves(_ db: Database, from: CivilDate, to: CivilDate, township: String?, school: String?) throws -> [LedgerEntry] {
        var sql = """
            SELECT l.kind, l.township, l.school, c.causes FROM case_ledger l JOIN dropout_case c ON c.id = l.case_id
            WHERE l.date >= ? AND l.date <= ? AND l.kind IN ('opened', 'reopened', 'returned', 'closed')
            """
        var arguments: StatementArguments = [from.description, to.description]
        if let township { sql += " AND l.township = ?"; arguments += [township] }
        if let school { sql += " AND l.school = ?"; arguments += [school] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(LedgerEntry.init)
    }

    /// Cases open on `date`: those whose last move dated on or before it opened them, placed where
    /// that move was. Events are ordered by date, then by the order they were logged in.
    static func open(_ db: Database, on date: CivilDate, township: String?, school: String?) throws -> [LedgerEntry] {
        var sql = """
            SELECT kind, township, school, causes FROM (
                SELECT l.kind, l.township, l.school, c.causes, ROW_NUMBER() OVER (PARTITION BY l.case_id ORDER BY l.date DESC, l.id DESC) AS latest
                FROM case_ledger l JOIN dropout_case c ON c.id = l.case_id WHERE l.date <= ?)
            WHERE latest = 1 AND kind IN ('opened', 'reopened')
            """
        var arguments: StatementArguments = [date.description]
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND school = ?"; arguments += [school] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(LedgerEntry.init)
    }
}
