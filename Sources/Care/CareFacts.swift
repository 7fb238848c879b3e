import BaoxueContracts
import GRDB

/// What the care rules decide on for one child on the ledger: when they entered it, when their
/// last surrogate stepped down, and their current surrogate with the last contact. One row per
/// active ledger record; the sweep reads them all in one statement.
struct CareFacts: Sendable, Equatable {
    var number: String
    var name: String
    var school: String
    var schoolName: String?
    var township: String
    var enteredOn: CivilDate
    /// The last day a surrogate assignment of the child ended, if one did.
    var lastEndedOn: CivilDate?
    var surrogate: Int64?
    var surrogateName: String?
    var assignedOn: CivilDate?
    var lastContactOn: CivilDate?

    var label: String { "\(name)（\(schoolName ?? school)）" }
    var labelEnglish: String { "\(name) (\(schoolName ?? school))" }

    /// The columns in the order ``init(row:)`` reads them, and where they come from.
    static let selectFrom = """
        SELECT e.student, c.name, c.school, s.name AS school_name, c.township, e.entered_on,
            (SELECT MAX(x.ended_on) FROM assignment x WHERE x.student = e.student AND x.ended_on IS NOT NULL) AS last_ended_on,
            a.surrogate_id, g.name AS surrogate_name, a.assigned_on, a.last_contact_on
        FROM ledger_entry e JOIN child c ON c.number = e.student LEFT JOIN school s ON s.code = c.school
        LEFT JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL LEFT JOIN surrogate g ON g.id = a.surrogate_id
        """

    /// Every child on the ledger (narrowed with `AND …`).
    static let select = selectFrom + " WHERE e.state = 'active'"

    /// Every child on the ledger in student-number order, as the sweep walks them: `+e.state`
    /// keeps SQLite on the ledger's index by student (already in order) instead of its index by
    /// state followed by a sort of the whole ledger.
    static let selectInNumberOrder = selectFrom + " WHERE +e.state = 'active' ORDER BY e.student"

    /// Reads a row of ``select`` by position: the sweep and the gaps read every child on the
    /// ledger, and looking columns up by name cost more than the rules.
    init(row: Row) {
        func date(_ index: Int) -> CivilDate? { (row[index] as String?).flatMap(CivilDate.init(parsing:)) }
        number = row[0]
        name = row[1]
        school = row[2]
        schoolName = row[3]
        township = row[4]
        enteredOn = date(5) ?? CivilDate(dayNumber: 0)
        lastEndedOn = date(6)
        surrogate = row[7]
        surrogateName = row[8]
        assignedOn = date(9)
        lastContactOn = date(10)
    }

    init(number: String, name: String, school: String, schoolName: String?, township: String, enteredOn: CivilDate, lastEndedOn: CivilDate? = nil, surrogate: Int64? = nil, surrogateName: String? = nil, assignedOn: CivilDate? = nil, lastContactOn: CivilDate? = nil) {
        self.number = number
        self.name = name
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.enteredOn = enteredOn
        self.lastEndedOn = lastEndedOn
        self.surrogate = surrogate
        self.surrogateName = surrogateName
        self.assignedOn = assignedOn
        self.lastContactOn = lastContactOn
    }

    /// The child's facts, when they are on the ledger.
    static func fetch(_ db: Database, number: String) throws -> CareFacts? {
        try Row.fetchOne(db.cachedStatement(sql: select + " AND e.student = ?"), arguments: [number]).map(CareFacts.init)
    }
}
