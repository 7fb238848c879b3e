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

    /// Also only children with no live (pending or paid) payment of the program in the term: the
    /// gaps coverage looks for, found by the database rather than by comparing two lists.
    var unpaidOnly = false

    /// Where a walk through the children starts: after a replica row id (lists page by it), or
    /// after a student number (batches walk in number order, the order of the payment indexes).
    enum Start {
        case id(Int64)
        case number(String)
    }

    /// `WHERE` conditions and their arguments, for `student s` (with ``ChildFacts/from``).
    func conditions(after start: Start) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["s.id_number IS NOT NULL", "s.grade BETWEEN ? AND ?"]
        var arguments: StatementArguments = [program.grades.lowerBound, program.grades.upperBound]
        switch start {
        case .id(let id): conditions.append("s.id > ?"); arguments += [id]
        case .number(let number): conditions.append("s.number > ?"); arguments += [number]
        }
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
        // Before the list check: SQLite tests conditions in the order written, and after a batch
        // the payment check rules out most children at a third of the list check's cost.
        if unpaidOnly {
            conditions.append("NOT EXISTS (SELECT 1 FROM payment p WHERE p.student = s.number AND p.program = ? AND p.term = ? AND p.state != 'failed')")
            arguments += [program.id, term.code]
        }
        let categories = program.categories.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        // `+m.category`: one seek by ID number and a look at the person's few stays, rather than a
        // seek per category.
        conditions.append("EXISTS (SELECT 1 FROM membership m WHERE m.id_number = s.id_number AND +m.category IN (\(categories)) AND m.since <= ? AND (m.until IS NULL OR m.until > ?))")
        arguments += [term.end.description, term.start.description]

        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The eligible children after `id`, in replica order, at most `limit`.
    func children(_ db: Database, after id: Int64 = 0, limit: Int? = nil) throws -> [ChildFacts] {
        let (conditions, arguments) = conditions(after: .id(id))
        var sql = "SELECT \(ChildFacts.columns) FROM \(ChildFacts.from) WHERE \(conditions) ORDER BY s.id"
        var bound = arguments
        if let limit { sql += " LIMIT ?"; bound += [limit] }
        return try Array(Row.fetchCursor(db.cachedStatement(sql: sql), arguments: bound).map(ChildFacts.init(row:)))
    }

    /// The replica ids of the eligible children after student number `number`, in number order,
    /// at most `limit`: a query for ``Standing/sql(slice:)``.
    func ids(after number: String = "", limit: Int? = nil) -> (sql: String, arguments: StatementArguments) {
        let (conditions, arguments) = conditions(after: .number(number))
        guard let limit else { return ("SELECT s.id FROM student s WHERE \(conditions) ORDER BY s.number", arguments) }
        return ("SELECT s.id FROM student s WHERE \(conditions) ORDER BY s.number LIMIT ?", arguments + [limit])
    }

    /// Every child within the place whose family is on a list at some time during `term`, each
    /// with those stays on lists: one pass over the lists for every program at once, where
    /// ``children(_:after:limit:)`` scans the register once per program. ``EligibilityRule``
    /// then says which programs each child is eligible for: coverage asks for all six, and six
    /// scans of a county's register were most of a dashboard page's time (decision 136).
    ///
    /// Two arrays in step, `children[i]` with its stays `stays[i]`: an array of pairs was copied
    /// pair by pair wherever it was read, most of coverage's time.
    static func listedChildren(_ db: Database, term: Term, township: String?, school: String?) throws -> (children: [ChildFacts], stays: [[EligibilityBasis]]) {
        var conditions = ["s.id_number = m.id_number", "m.since <= ?", "(m.until IS NULL OR m.until > ?)"]
        var arguments: StatementArguments = [term.end.description, term.start.description]
        if let township { conditions.append("s.township = ?"); arguments += [township] }
        if let school { conditions.append("s.school = ?"); arguments += [school] }
        // The lists first: a county's lists hold a fraction of its register, and each stay finds
        // its child by the unique ID number.
        let sql = "SELECT \(ChildFacts.columns), m.category, m.since, m.until FROM membership m CROSS JOIN \(ChildFacts.from) WHERE \(conditions.joined(separator: " AND "))"
        var children: [ChildFacts] = [], stays: [[EligibilityBasis]] = []
        var position: [Int64: Int] = [:]
        // A cursor, read by position: nothing is copied row by row (decision 136).
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        let stay = ChildFacts.columnCount
        while let row = try rows.next() {
            guard let category = FamilyCategory(rawValue: row[stay]), let since = CivilDate(parsing: row[stay + 1]) else { continue }
            let basis = EligibilityBasis(category: category, source: category.source, since: since, until: (row[stay + 2] as String?).flatMap(CivilDate.init(parsing:)))
            let id: Int64 = row[0]
            if let known = position[id] {
                stays[known].append(basis)
            } else {
                position[id] = children.count
                children.append(ChildFacts(row: row))
                stays.append([basis])
            }
        }
        return (children, stays)
    }

    /// How many children are eligible.
    func count(_ db: Database) throws -> Int {
        let (conditions, arguments) = conditions(after: .id(0))
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM student s WHERE \(conditions)"), arguments: arguments) ?? 0
    }
}
