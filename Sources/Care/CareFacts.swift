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

    static let select = """
        SELECT e.student, c.name, c.school, s.name AS school_name, c.township, e.entered_on,
            (SELECT MAX(x.ended_on) FROM assignment x WHERE x.student = e.student AND x.ended_on IS NOT NULL) AS last_ended_on,
            a.surrogate_id, g.name AS surrogate_name, a.assigned_on, a.last_contact_on
        FROM ledger_entry e JOIN child c ON c.number = e.student LEFT JOIN school s ON s.code = c.school
        LEFT JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL LEFT JOIN surrogate g ON g.id = a.surrogate_id
        WHERE e.state = 'active'
        """

    init(row: Row) {
        func date(_ key: String) -> CivilDate? { (row[key] as String?).flatMap(CivilDate.init(parsing:)) }
        number = row["student"]
        name = row["name"]
        school = row["school"]
        schoolName = row["school_name"]
        township = row["township"]
        enteredOn = date("entered_on") ?? CivilDate(dayNumber: 0)
        lastEndedOn = date("last_ended_on")
        surrogate = row["surrogate_id"]
        surrogateName = row["surrogate_name"]
        assignedOn = date("assigned_on")
        lastContactOn = date("last_contact_on")
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
