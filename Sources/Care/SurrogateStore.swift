import BaoxueContracts
import GRDB

/// Surrogate parents (代理家长), the children assigned to them (at most the configured number
/// each) and their contacts with those children. Every method runs in the caller's transaction.
struct SurrogateStore: Sendable {
    let settings: CareSettings

    var rules: CareRuleEngine { CareRuleEngine(settings: settings) }

    /// Registers a teacher or volunteer with their school or village.
    /// - Throws: `care.invalid` naming the fields; `care.unknownSchool`; `scope.forbidden`.
    func register(_ db: Database, _ request: SurrogateRequest, actor: Actor, today: CivilDate) throws -> Surrogate {
        let problems = request.problems()
        guard problems.isEmpty else {
            throw ServiceError(.careInvalid, "代理家长信息有误，见各项问题 (the surrogate parent's record has problems: see each)", problems: problems)
        }
        let township: String
        if let school = request.school {
            township = try HomeStore.township(db, school: school)
        } else {
            township = String(request.village!.prefix(9))
            // A village of a township the county's schools do not know is a typo, not a place.
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM school WHERE township = ? LIMIT 1"), arguments: [township]) == true else {
                throw ServiceError(.careUnknownSchool, "村代码\(request.village!)的乡镇\(township)在学籍中没有学校，请核对村代码 (no school of the registry is in township \(township) of village \(request.village!): check the code)", problems: [FieldProblem(field: "village", reason: "unknown township")])
            }
        }
        try AccessScope(actor).requireCaseWork(township: township, school: request.school ?? "")
        try db.cachedStatement(sql: "INSERT INTO surrogate (name, kind, phone, school, village, township, registered_on, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [request.name, request.kind.rawValue, request.phone, request.school, request.village, township, today.description, actor.user])
        return try surrogate(db, id: db.lastInsertedRowID)!
    }

    /// Gives a child on the ledger to a surrogate parent; a child with another surrogate is
    /// reassigned (the other assignment ends, `reassigned`). Assigning the same surrogate again
    /// changes nothing.
    /// - Throws: `care.notInLedger`, `care.surrogateNotFound`, `care.surrogateFull` (at the
    ///   maximum), `care.invalid` (a future date), `scope.forbidden`.
    func assign(_ db: Database, _ request: AssignmentRequest, actor: Actor, today: CivilDate) throws -> Assignment {
        let child = try ChildRow.require(db, key: request.student, actor: actor)
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        try Self.requireActive(db, child)
        let date = request.date ?? today
        guard date <= today else {
            throw ServiceError(.careInvalid, "日期不能晚于今天 (the date cannot be in the future)", problems: [FieldProblem(field: "date", reason: "not in the future")])
        }
        guard let surrogate = try surrogate(db, id: request.surrogate) else { throw Self.noSuchSurrogate(request.surrogate) }
        if let current = try current(db, student: child.number) {
            if current.surrogate == surrogate.id { return current }
        }
        guard surrogate.children < settings.surrogateMaximumChildren else {
            throw ServiceError(.careSurrogateFull, "代理家长\(surrogate.name)已照护\(surrogate.children)名儿童，已达上限\(settings.surrogateMaximumChildren)名；请选择其他代理家长，或先结束其一项照护 (surrogate parent \(surrogate.name) already cares for \(surrogate.children) children, the maximum of \(settings.surrogateMaximumChildren): choose another surrogate parent, or end one of their assignments first)")
        }
        try endCurrent(db, student: child.number, on: date, reason: "改由\(surrogate.name)照护 (reassigned)")
        try db.cachedStatement(sql: "INSERT INTO assignment (surrogate_id, student, assigned_on, assigned_by) VALUES (?, ?, ?, ?)")
            .execute(arguments: [surrogate.id, child.number, date.description, actor.user])
        let id = db.lastInsertedRowID
        try rules.evaluate(db, number: child.number, today: today)
        return try assignment(db, id: id)!
    }

    /// Ends a child's surrogate assignment at the surrogate's or the school's request.
    /// - Throws: `care.noSurrogate`, `care.invalid`, `scope.forbidden`.
    func end(_ db: Database, _ request: AssignmentEnd, actor: Actor, today: CivilDate) throws -> Assignment {
        let child = try ChildRow.require(db, key: request.student, actor: actor)
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        let reason = request.reason.trimmingWhitespace()
        guard (1...200).contains(reason.count) else {
            throw ServiceError(.careInvalid, "须说明原因，最多200字 (give a reason, at most 200 characters)", problems: [FieldProblem(field: "reason", reason: "1–200 characters")])
        }
        guard let current = try current(db, student: child.number) else { throw Self.noSurrogate(child) }
        let date = request.date ?? today
        guard date <= today, date >= current.assignedOn else {
            throw ServiceError(.careInvalid, "日期应在\(current.assignedOn)与今天之间 (the date must be between \(current.assignedOn) and today)", problems: [FieldProblem(field: "date", reason: "between the assignment and today")])
        }
        try endCurrent(db, student: child.number, on: date, reason: reason)
        try rules.evaluate(db, number: child.number, today: today)
        return try assignment(db, id: current.id)!
    }

    /// Ends the child's current assignment, if any (reassignment, leaving the ledger).
    func endCurrent(_ db: Database, student: String, on date: CivilDate, reason: String) throws {
        try db.cachedStatement(sql: "UPDATE assignment SET ended_on = ?, end_reason = ? WHERE student = ? AND ended_on IS NULL")
            .execute(arguments: [date.description, reason, student])
    }

    /// Logs a contact of the child's surrogate parent: a `surrogateContact` activity, and the
    /// assignment's last contact, which the reminder counts from.
    /// - Throws: `care.noSurrogate`, `care.invalid` (a date in the future or before the
    ///   assignment, a note over 500 characters), `scope.forbidden`.
    func logContact(_ db: Database, _ request: ContactRequest, actor: Actor, today: CivilDate) throws -> Activity {
        let child = try ChildRow.require(db, key: request.student, actor: actor)
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        guard let current = try current(db, student: child.number) else { throw Self.noSurrogate(child) }
        let date = request.date ?? today
        guard date <= today, date >= current.assignedOn else {
            throw ServiceError(.careInvalid, "联系日期应在\(current.assignedOn)（照护开始）与今天之间 (the contact date must be between \(current.assignedOn), when the assignment began, and today)", problems: [FieldProblem(field: "date", reason: "between the assignment and today")])
        }
        if let note = request.note, note.count > 500 {
            throw ServiceError(.careInvalid, "备注最多500字 (a note is at most 500 characters)", problems: [FieldProblem(field: "note", reason: "at most 500 characters")])
        }
        let activity = try ActivityStore().insert(
            db, kind: .surrogateContact, date: date, school: child.school, township: child.township, children: [child.number], participants: 1,
            note: request.note, surrogate: current.surrogate, way: request.way, actor: actor)
        try db.cachedStatement(sql: "UPDATE assignment SET last_contact_on = ? WHERE id = ? AND (last_contact_on IS NULL OR last_contact_on < ?)")
            .execute(arguments: [date.description, current.id, date.description])
        try rules.evaluate(db, number: child.number, today: today)
        return activity
    }

    // MARK: Reading

    static let columns = """
        g.id, g.name, g.kind, g.phone, g.school, s.name AS school_name, g.village, g.township, g.registered_on,
        (SELECT COUNT(*) FROM assignment a WHERE a.surrogate_id = g.id AND a.ended_on IS NULL) AS children
        """
    static let from = "surrogate g LEFT JOIN school s ON s.code = g.school"

    func surrogate(_ db: Database, id: Int64) throws -> Surrogate? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE g.id = ?"), arguments: [id]).map(surrogate)
    }

    /// Surrogate parents by name, phones masked; the caller has narrowed the query to the scope.
    func list(_ db: Database, _ query: CareScopeQuery) throws -> [Surrogate] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("g.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("g.school = ?"); arguments += [school] }
        arguments += [query.limit]
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from)\(filter) ORDER BY g.township, g.school, g.name, g.id LIMIT ?", arguments: arguments).map { row in
            var surrogate = surrogate(row)
            surrogate.phone = surrogate.phone.map(Masking.phone)
            return surrogate
        }
    }

    func surrogate(_ row: Row) -> Surrogate {
        Surrogate(
            id: row["id"], name: row["name"], kind: SurrogateKind(rawValue: row["kind"]) ?? .volunteer, phone: row["phone"], school: row["school"],
            schoolName: row["school_name"], village: row["village"], township: row["township"], children: row["children"],
            maximum: settings.surrogateMaximumChildren, registeredOn: CivilDate(parsing: row["registered_on"] as String) ?? CivilDate(dayNumber: 0))
    }

    static let assignmentColumns = "a.id, a.surrogate_id, g.name AS surrogate_name, c.masked, c.name AS student_name, a.assigned_on, a.ended_on, a.end_reason"
    static let assignmentFrom = "assignment a JOIN surrogate g ON g.id = a.surrogate_id JOIN child c ON c.number = a.student"

    func assignment(_ db: Database, id: Int64) throws -> Assignment? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.assignmentColumns) FROM \(Self.assignmentFrom) WHERE a.id = ?"), arguments: [id]).map(Self.assignment)
    }

    /// The child's current assignment.
    func current(_ db: Database, student: String) throws -> Assignment? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.assignmentColumns) FROM \(Self.assignmentFrom) WHERE a.student = ? AND a.ended_on IS NULL"), arguments: [student]).map(Self.assignment)
    }

    /// Every assignment of the child, newest first.
    func assignments(_ db: Database, student: String) throws -> [Assignment] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.assignmentColumns) FROM \(Self.assignmentFrom) WHERE a.student = ? ORDER BY a.id DESC"), arguments: [student]).map(Self.assignment)
    }

    static func assignment(_ row: Row) -> Assignment {
        Assignment(
            id: row["id"], surrogate: row["surrogate_id"], surrogateName: row["surrogate_name"], student: row["masked"], studentName: row["student_name"],
            assignedOn: CivilDate(parsing: row["assigned_on"] as String) ?? CivilDate(dayNumber: 0), endedOn: (row["ended_on"] as String?).flatMap(CivilDate.init(parsing:)),
            endReason: row["end_reason"])
    }

    /// The child is on the ledger now, or `care.notInLedger` saying why not.
    static func requireActive(_ db: Database, _ child: ChildRow) throws {
        let state = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM ledger_entry WHERE student = ?"), arguments: [child.number])
        guard state == LedgerState.active.rawValue else {
            throw ServiceError(.careNotInLedger, "\(child.name)不在留守儿童台账中（\(state == nil ? "未登记家庭情况" : "不符合认定条件或已离开台账")），请先登记：baoxue care ledger record (\(child.name) is not on the left-behind ledger (\(state == nil ? "no family situation recorded" : "does not qualify, or left it")); record the child first)")
        }
    }

    static func noSuchSurrogate(_ id: Int64) -> ServiceError {
        ServiceError(.careSurrogateNotFound, "没有编号为\(id)的代理家长；用 baoxue care surrogate list 查看 (no surrogate parent \(id); see baoxue care surrogate list)")
    }

    static func noSurrogate(_ child: ChildRow) -> ServiceError {
        ServiceError(.careNoSurrogate, "\(child.name)目前没有代理家长；先指定：baoxue care surrogate assign (\(child.name) has no surrogate parent; assign one first)")
    }
}
