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

    init(row: Row) {
        id = row["id"]
        number = row["number"]
        idNumber = row["id_number"]
        name = row["name"]
        school = row["school"]
        schoolName = row["school_name"]
        township = row["township"]
        grade = row["grade"]
        attendance = (row["boarding"] as Bool) ? .boarding : .day
        status = StudentStatus(rawValue: row["status"]) ?? .enrolled
        statusDate = (row["status_date"] as String?).flatMap(CivilDate.init(parsing:))
    }

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
