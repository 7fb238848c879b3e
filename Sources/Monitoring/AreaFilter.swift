import BaoxueContracts
import GRDB

/// A township and school filter already narrowed to the actor's scope, as SQL: the one place the
/// year's figures turn a scope into conditions, so every table is filtered alike.
struct AreaFilter: Sendable {
    let township: String?
    let school: String?

    /// ` AND <township> = ? AND <school> = ?` for the filters set, with their arguments.
    func condition(township townshipColumn: String, school schoolColumn: String) -> (String, StatementArguments) {
        var sql = ""
        var arguments: StatementArguments = []
        if let township { sql += " AND \(townshipColumn) = ?"; arguments += [township] }
        if let school { sql += " AND \(schoolColumn) = ?"; arguments += [school] }
        return (sql, arguments)
    }

    /// The schools in scope, by township then code.
    func schools(_ db: Database) throws -> [(code: String, name: String, township: String)] {
        let (condition, arguments) = self.condition(township: "township", school: "code")
        return try Row.fetchAll(db, sql: "SELECT code, name, township FROM school WHERE 1 = 1 \(condition) ORDER BY township, code", arguments: arguments)
            .map { (code: $0["code"], name: $0["name"], township: $0["township"]) }
    }
}
