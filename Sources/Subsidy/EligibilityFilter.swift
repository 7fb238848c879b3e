import BaoxueContracts
import GRDB

/// ``EligibilityRule`` as SQL over the replica and the list memberships: the children eligible for
/// one program in a term, within a township or school, after a replica row id. Lists, batches
/// and coverage read through it; `EligibilityRuleTests` checks that it selects exactly the
/// children the rule does.
struct EligibilityFilter: Sendable {
    var program: SubsidyProgram
    var term: Term
    var township: String?
    var school: String?
    /// Also children whose status history has a change dated after this day, wherever they are
    /// now: a batch dated before a transfer pays the child by the school that held them then.
    var movedAfter: CivilDate?

    /// `WHERE` conditions and their arguments, for `student s` (with ``ChildFacts/from``).
    func conditions(after id: Int64) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["s.id > ?", "s.id_number IS NOT NULL", "s.grade BETWEEN ? AND ?"]
        var arguments: StatementArguments = [id, program.grades.lowerBound, program.grades.upperBound]
        switch program.boarding {
        case .any: break
        case .boarder: conditions.append("s.boarding = 1")
        case .day: conditions.append("s.boarding = 0")
        }
        var place: [String] = []
        var placeArguments: StatementArguments = []
        if let township { place.append("s.township = ?"); placeArguments += [township] }
        if let school { place.append("s.school = ?"); placeArguments += [school] }
        if !place.isEmpty {
            if let movedAfter {
                conditions.append("((\(place.joined(separator: " AND "))) OR EXISTS (SELECT 1 FROM status_change x WHERE x.student = s.number AND x.date > ?))")
                placeArguments += [movedAfter.description]
            } else {
                conditions.append(contentsOf: place)
            }
            arguments += placeArguments
        }
        let ended = EligibilityRule.ended.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        conditions.append("NOT (s.status IN (\(ended)) AND (s.status_date IS NULL OR s.status_date < ?))")
        arguments += [term.start.description]
        let categories = program.categories.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        conditions.append("EXISTS (SELECT 1 FROM membership m WHERE m.id_number = s.id_number AND m.category IN (\(categories)) AND m.since <= ? AND (m.until IS NULL OR m.until > ?))")
        arguments += [term.end.description, term.start.description]
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The eligible children after `id`, in replica order, at most `limit`.
    func children(_ db: Database, after id: Int64 = 0, limit: Int? = nil) throws -> [ChildFacts] {
        let (conditions, arguments) = conditions(after: id)
        var sql = "SELECT \(ChildFacts.columns) FROM \(ChildFacts.from) WHERE \(conditions) ORDER BY s.id"
        var bound = arguments
        if let limit { sql += " LIMIT ?"; bound += [limit] }
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: bound).map(ChildFacts.init(row:))
    }

    /// The replica ids of the eligible children after `id`, in order, at most `limit`: a query
    /// for ``Standing/sql(slice:)``.
    func ids(after id: Int64 = 0, limit: Int? = nil) -> (sql: String, arguments: StatementArguments) {
        let (conditions, arguments) = conditions(after: id)
        guard let limit else { return ("SELECT s.id FROM student s WHERE \(conditions) ORDER BY s.id", arguments) }
        return ("SELECT s.id FROM student s WHERE \(conditions) ORDER BY s.id LIMIT ?", arguments + [limit])
    }

    /// How many children are eligible.
    func count(_ db: Database) throws -> Int {
        let (conditions, arguments) = conditions(after: 0)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM student s WHERE \(conditions)"), arguments: arguments) ?? 0
    }
}
