import BaoxueContracts
import GRDB

/// A child as the care service's replica of the registry knows them: identity, school, the
/// registry's facts the ledger's definition needs.
struct ChildRow: Sendable, Equatable {
    var number: String
    var masked: String
    var name: String
    var sex: Sex
    var birthDate: CivilDate
    var school: String
    var schoolName: String?
    var township: String
    var grade: Int
    var status: StudentStatus
    var householdType: HouseholdType?
    var orphan: Bool
    var unattended: Bool
    var registryFlag: LeftBehindStatus

    static let columns = "c.number, c.masked, c.name, c.sex, c.birth_date, c.school, s.name AS school_name, c.township, c.grade, c.status, c.household_type, c.orphan, c.unattended, c.left_behind"
    static let from = "child c LEFT JOIN school s ON s.code = c.school"

    init(row: Row) {
        number = row["number"]
        masked = row["masked"]
        name = row["name"]
        sex = Sex(rawValue: row["sex"]) ?? .male
        birthDate = CivilDate(parsing: row["birth_date"] as String) ?? CivilDate(dayNumber: 0)
        school = row["school"]
        schoolName = row["school_name"]
        township = row["township"]
        grade = row["grade"]
        status = StudentStatus(rawValue: row["status"]) ?? .enrolled
        householdType = (row["household_type"] as String?).flatMap(HouseholdType.init(rawValue:))
        orphan = row["orphan"]
        unattended = row["unattended"]
        registryFlag = LeftBehindStatus(rawValue: row["left_behind"]) ?? .no
    }

    var reference: ChildRef { ChildRef(student: masked, name: name) }

    /// `张小明（城关镇第一小学）`: how texts name the child.
    var label: String { "\(name)（\(schoolName ?? school)）" }
    var labelEnglish: String { "\(name) (\(schoolName ?? school))" }

    static func fetch(_ db: Database, number: String) throws -> ChildRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM \(from) WHERE c.number = ?"), arguments: [number]).map(ChildRow.init)
    }

    /// Finds a child by ID number or student number, in any accepted spelling (full-width digits,
    /// a lowercase x, spaces), as the registry reads them.
    static func find(_ db: Database, key: String) throws -> ChildRow? {
        let text = TextNormalization.field(key)
        if let id = try? IDNumber(validating: text) {
            return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM \(from) WHERE c.id_number = ?"), arguments: [id.value]).map(ChildRow.init)
        }
        if let number = try? StudentNumber(validating: text) {
            return try fetch(db, number: number.value)
        }
        return nil
    }

    /// The child a request names, or `care.childNotFound` (for a user limited to a township or
    /// school, the same `scope.forbidden` a child elsewhere gets, so nobody probes who exists).
    static func require(_ db: Database, key: String, actor: Actor) throws -> ChildRow {
        guard let child = try find(db, key: key) else {
            throw AccessScope(actor).missing(ServiceError(.careChildNotFound, "关爱服务中没有该学生（证件号或学籍号有误，或学籍尚未同步）(no such child in the care service: check the number, or wait for the registry's records)"))
        }
        return child
    }

    /// The ledger's facts about this child, with the parents' situations recorded.
    func facts(father: ParentSituation?, mother: ParentSituation?) -> LedgerFacts {
        LedgerFacts(birthDate: birthDate, status: status, householdType: householdType, orphan: orphan, unattended: unattended, father: father, mother: mother)
    }
}
