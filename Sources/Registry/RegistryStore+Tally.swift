import BaoxueContracts
import GRDB

extension RegistryStore {
    /// The changes that took effect from `query.from` to `query.to`, by kind, every kind listed.
    /// The caller has narrowed the township and school to the actor's scope.
    /// - Throws: `request.invalid` when the period ends before it begins.
    public func tally(_ db: Database, _ query: ChangeTallyQuery) throws -> ChangeTally {
        guard query.from <= query.to else {
            throw ServiceError(.requestInvalid, "时段结束早于开始 (the period ends before it begins)", problems: [FieldProblem(field: "to", reason: "不早于from (not before from)")])
        }
        var sql = "SELECT kind, COUNT(*), SUM(complete = 0) FROM status_change WHERE date BETWEEN ? AND ?"
        var arguments: StatementArguments = [query.from.description, query.to.description]
        if let township = query.township { sql += " AND township = ?"; arguments += [township] }
        if let school = query.school { sql += " AND school = ?"; arguments += [school] }
        var counts: [StatusChangeKind: Int] = [:]
        var incomplete = 0
        for row in try Row.fetchAll(db, sql: sql + " GROUP BY kind", arguments: arguments) {
            guard let kind = StatusChangeKind(rawValue: row[0]) else { continue }
            counts[kind] = row[1]
            incomplete += row[2] as Int
        }
        return ChangeTally(
            from: query.from, to: query.to, township: query.township, school: query.school,
            byKind: StatusChangeKind.allCases.map { ChangeTally.KindCount(kind: $0, count: counts[$0] ?? 0) }, incomplete: incomplete)
    }
}
