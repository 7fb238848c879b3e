import BaoxueContracts
import GRDB

/// Care activities (关爱活动), per child and per group, counted per school, township and month. A
/// surrogate parent's contact is one of them, logged through ``SurrogateStore/logContact``.
/// Every method runs in the caller's transaction.
struct ActivityStore: Sendable {
    /// Records an activity: each named child must be on the ledger and within the actor's reach.
    /// - Throws: `care.invalid` naming the field, `care.unknownSchool`, `care.notInLedger`,
    ///   `scope.forbidden`.
    func record(_ db: Database, _ request: ActivityRequest, actor: Actor, today: CivilDate) throws -> Activity {
        let township = try HomeStore.township(db, school: request.school)
        let scope = AccessScope(actor)
        try scope.requireCaseWork(township: township, school: request.school)
        func invalid(_ field: String, _ zh: String, _ en: String) -> ServiceError {
            ServiceError(.careInvalid, "\(zh) (\(en))", problems: [FieldProblem(field: field, reason: en)])
        }
        guard request.kind != .surrogateContact else {
            throw invalid("kind", "代理家长联系请用 baoxue care contact 记录", "a surrogate parent's contact is logged with care.contacts.log")
        }
        guard (1...200).contains(request.students.count) else {
            throw invalid("students", "须列出1–200名参加的留守儿童", "name 1–200 left-behind children who took part")
        }
        let participants = request.participants ?? request.students.count
        guard (request.students.count...2_000).contains(participants) else {
            throw invalid("participants", "参加人数应不少于所列儿童数，最多2000", "participants must be at least the children named, at most 2000")
        }
        let date = request.date ?? today
        guard date <= today else { throw invalid("date", "日期不能晚于今天", "the date cannot be in the future") }
        if let note = request.note, note.count > 500 { throw invalid("note", "说明最多500字", "a note is at most 500 characters") }
        var numbers: [String] = []
        for (index, key) in request.students.enumerated() {
            let child = try ChildRow.require(db, key: key, actor: actor)
            try scope.requireReach(township: child.township, school: child.school)
            try SurrogateStore.requireActive(db, child)
            guard !numbers.contains(child.number) else { throw invalid("students[\(index)]", "\(child.name)重复列出", "\(child.name) is named twice") }
            numbers.append(child.number)
        }
        return try insert(db, kind: request.kind, date: date, school: request.school, township: township, children: numbers, participants: participants, note: request.note, surrogate: nil, way: nil, actor: actor)
    }

    func insert(_ db: Database, kind: ActivityKind, date: CivilDate, school: String, township: String, children: [String], participants: Int, note: String?, surrogate: Int64?, way: ContactWay?, actor: Actor) throws -> Activity {
        try db.cachedStatement(sql: "INSERT INTO activity (kind, date, school, township, participants, note, surrogate_id, way, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [kind.rawValue, date.description, school, township, participants, note, surrogate, way?.rawValue, actor.user, Timestamp.now()])
        let id = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: "INSERT INTO activity_child (activity_id, student) VALUES (?, ?)")
        for child in children { try statement.execute(arguments: [id, child]) }
        return try activities(db, sql: "WHERE a.id = ?", [id]).first!
    }

    /// Activities newest first; the caller has narrowed the query to the scope.
    func list(_ db: Database, _ query: ActivityQuery) throws -> [Activity] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("a.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("a.school = ?"); arguments += [school] }
        if let kind = query.kind { conditions.append("a.kind = ?"); arguments += [kind.rawValue] }
        if let from = query.from { conditions.append("a.date >= ?"); arguments += [from.description] }
        if let to = query.to { conditions.append("a.date <= ?"); arguments += [to.description] }
        arguments += [query.limit]
        return try activities(db, sql: (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY a.date DESC, a.id DESC LIMIT ?", arguments)
    }

    /// A child's latest activities, newest first.
    func forStudent(_ db: Database, number: String, limit: Int = 20) throws -> [Activity] {
        try activities(db, sql: "WHERE a.id IN (SELECT activity_id FROM activity_child WHERE student = ?) ORDER BY a.date DESC, a.id DESC LIMIT ?", [number, limit])
    }

    /// Activities counted per month and kind in a year, by township or by school: how many, and
    /// how many times a left-behind child took part (人次).
    func summary(_ db: Database, _ query: ActivitySummaryQuery) throws -> [ActivityCount] {
        var conditions = ["a.date >= ?", "a.date <= ?"]
        var arguments: StatementArguments = ["\(query.year)-01-01", "\(query.year)-12-31"]
        if let township = query.township { conditions.append("a.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("a.school = ?"); arguments += [school] }
        let school = query.bySchool ? "a.school" : "NULL"
        let sql = """
            SELECT substr(a.date, 1, 7) AS month, a.township, \(school) AS school, a.kind, COUNT(*) AS activities,
                SUM((SELECT COUNT(*) FROM activity_child c WHERE c.activity_id = a.id)) AS child_times
            FROM activity a WHERE \(conditions.joined(separator: " AND "))
            GROUP BY month, a.township, \(school), a.kind ORDER BY month, a.township, \(school), a.kind
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            ActivityCount(month: row["month"], township: row["township"], school: row["school"], kind: ActivityKind(rawValue: row["kind"]) ?? .tutoring, activities: row["activities"], childTimes: row["child_times"])
        }
    }

    private func activities(_ db: Database, sql filter: String, _ arguments: StatementArguments) throws -> [Activity] {
        let rows = try Row.fetchAll(db, sql: "SELECT a.*, g.name AS surrogate_name FROM activity a LEFT JOIN surrogate g ON g.id = a.surrogate_id \(filter)", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var children: [Int64: [ChildRef]] = [:]
        let placeholders = ids.map { _ in "?" }.joined(separator: ",")
        for row in try Row.fetchAll(db, sql: "SELECT ac.activity_id, c.masked, c.name FROM activity_child ac JOIN child c ON c.number = ac.student WHERE ac.activity_id IN (\(placeholders)) ORDER BY ac.activity_id, c.name", arguments: StatementArguments(ids)) {
            children[row["activity_id"], default: []].append(ChildRef(student: row["masked"], name: row["name"]))
        }
        return rows.map { row in
            Activity(
                id: row["id"], kind: ActivityKind(rawValue: row["kind"]) ?? .tutoring, date: CivilDate(parsing: row["date"] as String) ?? CivilDate(dayNumber: 0),
                school: row["school"], township: row["township"], children: children[row["id"]] ?? [], participants: row["participants"], note: row["note"],
                surrogate: row["surrogate_id"], surrogateName: row["surrogate_name"], way: (row["way"] as String?).flatMap(ContactWay.init(rawValue:)), recordedBy: row["recorded_by"])
        }
    }
}
