import BaoxueContracts
import GRDB

/// The schools' homes for left-behind children (留守儿童之家), one per school, and which schools
/// lack one. Every method runs in the caller's transaction.
struct HomeStore: Sendable {
    /// Records a school's home, or updates it in place (one per school).
    /// - Throws: `care.invalid` naming the fields; `care.unknownSchool`; `scope.forbidden`.
    func record(_ db: Database, _ request: HomeRequest, actor: Actor, today: CivilDate) throws -> Home {
        let township = try Self.township(db, school: request.school)
        try AccessScope(actor).requireCaseWork(township: township, school: request.school)
        var problems = request.problems()
        if request.openedOn > today {
            problems.append(FieldProblem(field: "openedOn", reason: "开设日期不能晚于今天 (the opening date cannot be in the future)"))
        }
        guard problems.isEmpty else {
            throw ServiceError(.careInvalid, "留守儿童之家信息有误，见各项问题 (the home's record has problems: see each)", problems: problems)
        }
        try db.cachedStatement(sql: """
                INSERT INTO home (school, name, opened_on, rooms, phones, video_devices, books, in_charge, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(school) DO UPDATE SET name = excluded.name, opened_on = excluded.opened_on, rooms = excluded.rooms, phones = excluded.phones,
                    video_devices = excluded.video_devices, books = excluded.books, in_charge = excluded.in_charge, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """).execute(arguments: [
                request.school, request.name, request.openedOn.description, request.rooms, request.phones, request.videoDevices, request.books,
                try LedgerStore.json(request.inCharge), Timestamp.now(), actor.user,
            ])
        return try home(db, school: request.school)!
    }

    static let columns = """
        h.id, h.school, s.name AS school_name, s.township, h.name, h.opened_on, h.rooms, h.phones, h.video_devices, h.books, h.in_charge, h.updated_at,
        (SELECT COUNT(*) FROM ledger_entry e WHERE e.school = h.school AND e.state = 'active') AS children
        """
    static let from = "home h JOIN school s ON s.code = h.school"

    func home(_ db: Database, school: String) throws -> Home? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE h.school = ?"), arguments: [school]).map(Self.home)
    }

    /// Homes by township and school, the person in charge's phone masked; the caller has narrowed
    /// the query to the scope.
    func list(_ db: Database, _ query: CareScopeQuery) throws -> [Home] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("s.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("h.school = ?"); arguments += [school] }
        arguments += [query.limit]
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from)\(filter) ORDER BY s.township, h.school LIMIT ?", arguments: arguments).map { row in
            var home = try Self.home(row)
            home.inCharge = home.inCharge.masked
            return home
        }
    }

    static func home(_ row: Row) throws -> Home {
        Home(
            id: row["id"], school: row["school"], schoolName: row["school_name"], township: row["township"], name: row["name"],
            openedOn: CivilDate(parsing: row["opened_on"] as String) ?? CivilDate(dayNumber: 0), rooms: row["rooms"], phones: row["phones"],
            videoDevices: row["video_devices"], books: row["books"], inCharge: try LedgerStore.decode(CareContact.self, row["in_charge"]),
            children: row["children"], updatedAt: row["updated_at"])
    }

    /// The school's township, from the replica of the registry's schools.
    /// - Throws: `care.unknownSchool`.
    static func township(_ db: Database, school: String) throws -> String {
        guard let township = try String.fetchOne(db.cachedStatement(sql: "SELECT township FROM school WHERE code = ?"), arguments: [school]) else {
            throw ServiceError(.careUnknownSchool, "学校\(school)不在学籍中（或尚未同步到关爱服务）(the registry has no school \(school), or the care service has not heard of it yet)", problems: [FieldProblem(field: "school", reason: "unknown school")])
        }
        return township
    }
}
