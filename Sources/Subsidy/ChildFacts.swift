import BaoxueContracts
import GRDB

/// A registered child as the subsidy rules see them: where they are, in which grade, how they
/// attend, and where their school career stands. Read from the replica.
struct ChildFacts: Sendable, Equatable {
    /// The replica's row id: lists and batches go in this order, and page by it.
    var id: Int64
    var number: String
    var idNumber: String?
    var name: String
    var school: String
    var schoolName: String?
    var township: String
    var grade: Int
    var attendance: AttendanceMode
    var status: StudentStatus
    /// The date of the last status change; nil for a child who has had none since import.
    var statusDate: CivilDate?

    static let columns = "s.id, s.number, s.id_number, s.name, s.school, c.name AS school_name, s.township, s.grade, s.boarding, s.status, s.status_date"
    static let from = "student s LEFT JOIN school c ON c.code = s.school"

    init(id: Int64, number: String, idNumber: String?, name: String, school: String, schoolName: String?, township: String, grade: Int, attendance: AttendanceMode, status: StudentStatus, statusDate: CivilDate?) {
        self.id = id
        self.number = number
        self.idNumber = idNumber
        self.name = name
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.grade = grade
        self.attendance = attendance
        self.status = status
        self.statusDate = statusDate
    }

    /// Reads a row that starts with ``columns``, by position: a look-up by column name lowercases
    /// the name on every read, and was the largest part of reading a county's children.
    init(row: Row) {
        id = row[0]
        number = row[1]
        idNumber = row[2]
        name = row[3]
        school = row[4]
        schoolName = row[5]
        township = row[6]
        grade = row[7]
        attendance = (row[8] as Bool) ? .boarding : .day
        status = StudentStatus(rawValue: row[9]) ?? .enrolled
        statusDate = (row[10] as String?).flatMap(CivilDate.init(parsing:))
    }

    /// How many columns ``columns`` has: a query's own columns come after them.
    static let columnCount = columns.split(separator: ",").count

    /// The child by ID number or student number, as a person types either.
    static func fetch(_ db: Database, key: String) throws -> ChildFacts? {
        let key = TextNormalization.field(key).uppercased()
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM \(from) WHERE s.number = ? OR s.id_number = ?"), arguments: [key, key]).map(ChildFacts.init(row:))
    }

    /// The child a case or alert names by masked student number and name: the one child of the
    /// replica with both (at the named school when two share them); nil when there is none, or
    /// when two share both, rather than guess.
    static func match(_ db: Database, masked: String, name: String, school: String?) throws -> ChildFacts? {
        let named = try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM \(from) WHERE s.name = ?"), arguments: [name])
            .map(ChildFacts.init(row:)).filter { $0.maskedNumber == masked }
        if named.count == 1 { return named[0] }
        let atSchool = named.filter { $0.school == school }
        return atSchool.count == 1 ? atSchool[0] : nil
    }

    var maskedNumber: String { Masking.studentNumber(number) }
}
