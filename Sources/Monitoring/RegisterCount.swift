import BaoxueContracts
import GRDB

/// How many children of one school (and its township) had one status on the register on a given
/// day, from `register_status`: each child's latest entry dated on or before that day.
struct RegisterCount: Sendable, Equatable {
    var township: String
    var school: String
    var status: StudentStatus
    var count: Int

    /// Statuses of children who should be in school (compulsory age, still the county's): every
    /// status but graduated, deceased and left the county.
    static let shouldAttend: Set<StudentStatus> = [.enrolled, .suspended, .transferredOut, .droppedOut]

    static func on(_ db: Database, _ date: CivilDate, township: String?, school: String?) throws -> [RegisterCount] {
        // On or after the last logged change, the log's latest entry of every child is the
        // replica's row as it stands: count that table, not the whole log (decision 128).
        let lastChange = try String.fetchOne(db, sql: "SELECT MAX(since) FROM register_status") ?? ""
        if date.description >= lastChange {
            var sql = "SELECT township, school, status, COUNT(*) AS children FROM student WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let township { sql += " AND township = ?"; arguments += [township] }
            if let school { sql += " AND school = ?"; arguments += [school] }
            return try rows(db, sql + " GROUP BY township, school, status", arguments)
        }
        return try fromLog(db, date, township: township, school: school)
    }

    /// The counts as the log has them on `date`: each child's latest entry dated on or before it.
    static func fromLog(_ db: Database, _ date: CivilDate, township: String?, school: String?) throws -> [RegisterCount] {
        var sql = """
            SELECT township, school, status, COUNT(*) AS children FROM (
                SELECT township, school, status, ROW_NUMBER() OVER (PARTITION BY student ORDER BY since DESC, id DESC) AS latest
                FROM register_status WHERE since <= ?)
            WHERE latest = 1
            """
        var arguments: StatementArguments = [date.description]
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND school = ?"; arguments += [school] }
        sql += " GROUP BY township, school, status"
        return try rows(db, sql, arguments)
    }

    static func rows(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [RegisterCount] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let status = StudentStatus(rawValue: row["status"]) else { return nil }
            return RegisterCount(township: row["township"], school: row["school"], status: status, count: row["children"])
        }
    }
}
