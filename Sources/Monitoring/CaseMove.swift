import BaoxueContracts
import GRDB

/// One move of a case into or out of the open state, as the case log (`case_move`) dates it:
/// the county date it took effect, where the case was then, and the causes the case names now (a
/// plan refines the causes after the opening, and a report should show what is known). The
/// monthly ledger report and the target scores count these, so a past day is reported as it was
/// (decision 37).
struct CaseMove: Sendable, Equatable {
    /// How a case moved. `settled` (a probation that ended) is logged but is no move out of the
    /// open state, so reports leave it out.
    enum Kind: String, Sendable {
        case opened, reopened, returned, closed, settled

        var opens: Bool { self == .opened || self == .reopened }
    }

    var kind: Kind
    var township: String
    var school: String
    var causes: [DropoutCause]

    init(row: Row) {
        kind = Kind(rawValue: row["kind"]) ?? .settled
        township = row["township"]
        school = row["school"]
        causes = CaseRow.decode(row["causes"])
    }

    /// Moves dated `from`…`to` (both included) that open or end a case.
    static func moves(_ db: Database, from: CivilDate, to: CivilDate, township: String?, school: String?) throws -> [CaseMove] {
        var sql = """
            SELECT l.kind, l.township, l.school, c.causes FROM case_move l JOIN dropout_case c ON c.id = l.case_id
            WHERE l.date >= ? AND l.date <= ? AND l.kind IN ('opened', 'reopened', 'returned', 'closed')
            """
        var arguments: StatementArguments = [from.description, to.description]
        if let township { sql += " AND l.township = ?"; arguments += [township] }
        if let school { sql += " AND l.school = ?"; arguments += [school] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(CaseMove.init)
    }

    /// Cases open on `date`, each as the last move dated on or before it (which opened it), placed
    /// where that move was. Moves are ordered by date, then by the order they were logged in.
    static func openCases(_ db: Database, on date: CivilDate, township: String?, school: String?) throws -> [CaseMove] {
        var sql = """
            SELECT kind, township, school, causes FROM (
                SELECT l.kind, l.township, l.school, c.causes, ROW_NUMBER() OVER (PARTITION BY l.case_id ORDER BY l.date DESC, l.id DESC) AS latest
                FROM case_move l JOIN dropout_case c ON c.id = l.case_id WHERE l.date <= ?)
            WHERE latest = 1 AND kind IN ('opened', 'reopened')
            """
        var arguments: StatementArguments = [date.description]
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND school = ?"; arguments += [school] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(CaseMove.init)
    }
}
