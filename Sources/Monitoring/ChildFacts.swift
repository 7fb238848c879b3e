import BaoxueContracts
import BaoxueMessaging
import GRDB

/// What the monitor knows about one child from the registry's events: enough to run the rules
/// and to name the child in an alert.
struct ChildFacts: Sendable, Equatable {
    var number: String
    var idNumber: String?
    var name: String
    var birthDate: CivilDate
    var school: String
    var schoolName: String?
    var township: String
    var grade: Int
    var status: StudentStatus
    /// The date of the last status change, when the monitor saw it.
    var statusDate: CivilDate?
    /// A suspension's expected end.
    var expectedEnd: CivilDate?
    var registeredPoor: Bool
    var family: String?
    /// Since when a status change of the child has lacked documents; nil when none does.
    var documentsPendingSince: CivilDate?

    /// Masked student number, as alerts and lists carry it.
    var masked: String { Masking.studentNumber(number) }

    /// The columns ``init(row:)`` reads, in its order.
    static let columns = "s.number, s.id_number, s.name, s.birth_date, s.school, c.name AS school_name, s.township, s.grade, s.status, s.status_date, s.expected_end, s.registered_poor, s.family, s.documents_pending_since"
    static let from = "student s LEFT JOIN school c ON c.code = s.school"

    /// Read by position, in the order of ``columns`` (a look-up by name folds case for each).
    init(row: some PositionalColumns) {
        number = row[0]
        idNumber = row[1]
        name = row[2]
        birthDate = CivilDate(parsing: row[3] as String) ?? CivilDate(dayNumber: 0)
        school = row[4]
        schoolName = row[5]
        township = row[6]
        grade = row[7]
        status = StudentStatus(rawValue: row[8]) ?? .enrolled
        statusDate = (row[9] as String?).flatMap(CivilDate.init(parsing:))
        expectedEnd = (row[10] as String?).flatMap(CivilDate.init(parsing:))
        registeredPoor = row[11]
        family = row[12]
        documentsPendingSince = (row[13] as String?).flatMap(CivilDate.init(parsing:))
    }

    static func fetch(_ db: Database, number: String) throws -> ChildFacts? {
        try db.cachedStatement(sql: "SELECT \(columns) FROM \(from) WHERE s.number = ?").fetchFirst(arguments: [number]) { ChildFacts(row: $0) }
    }

    /// Finds a child by ID number or student number, in any accepted spelling.
    static func find(_ db: Database, key: String) throws -> ChildFacts? {
        let text = TextNormalization.field(key)
        if let id = try? IDNumber(validating: text) {
            if let facts = try db.cachedStatement(sql: "SELECT \(columns) FROM \(from) WHERE s.id_number = ?").fetchFirst(arguments: [id.value], { ChildFacts(row: $0) }) { return facts }
            return try fetch(db, number: StudentNumber(identity: id).value)
        }
        if let number = try? StudentNumber(validating: text) { return try fetch(db, number: number.value) }
        return nil
    }

    var displaySchool: String { schoolName ?? school }

    /// A child the replica does not have: not (yet) synced from the registry, or never there.
    static let noSuchChild = ServiceError(.studentNotFound, "监测库中没有该学生（可能尚未从学籍同步）(no such child in the monitor; it may not have synced from the registry yet)")
}
