import BaoxueContracts
import GRDB

/// Home-delivered teaching (送教上门) as a placement of its own (decision 105): a child who cannot
/// attend for illness or disability is taught at home by their school while staying enrolled,
/// with no case, no escalation, and their lessons counted against the yearly quota. A case closed
/// as 送教上门 starts one. Every method runs in the caller's transaction.
struct HomeTeachingStore: Sendable {
    let settings: MonitorSettings

    static let select = """
        SELECT h.*, s.name AS student_name,
            (SELECT MAX(date) FROM home_teaching_session t WHERE t.placement_id = h.id) AS last_session
        FROM home_teaching h LEFT JOIN student s ON s.number = h.student
        """

    /// Starts a placement for an enrolled child within the actor's reach.
    /// - Throws: `teaching.exists` when one is current; `teaching.notEnrolled` for a child the
    ///   registry does not list as enrolled; `teaching.invalid` naming the field.
    func start(_ db: Database, _ request: HomeTeachingStart, actor: Actor, today: CivilDate, caseID: Int64? = nil) throws -> Int64 {
        guard let child = try ChildFacts.find(db, key: request.student) else { throw AccessScope(actor).missing(ChildFacts.noSuchChild) }
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        guard child.status == .enrolled else {
            let hint = child.status == .droppedOut
                ? "辍学学生须先在学籍中复学（baoxue student change 学籍号 --kind return），再安排送教上门 (record the return in the registry first: `baoxue student change KEY --kind return`)"
                : "学籍状态为\(child.status.label(.zh)) (the registry lists the child as \(child.status.rawValue))"
            throw ServiceError(.teachingNotEnrolled, "送教上门须为在籍学生：\(hint)")
        }
        if try current(db, number: child.number) != nil {
            throw ServiceError(.teachingExists, "该生已在送教上门中，记录送教请用 baoxue teaching log (the child is already taught at home: log sessions with `baoxue teaching log`)")
        }
        let teacher = try Self.text(request.teacher, field: "teacher", limit: 50)
        let reason = try Self.text(request.reason, field: "reason", limit: 200)
        let startedOn = request.startedOn ?? today
        guard startedOn <= today, startedOn >= today.adding(days: -366) else {
            throw Self.invalid("startedOn", "开始日期应在一年内且不晚于今天 (the start must be within the last year and not after today)")
        }
        let quota = request.lessonsPerYear ?? settings.teachingLessonsPerYear
        guard (1...2_000).contains(quota) else { throw Self.invalid("lessonsPerYear", "每学年1–2000节 (1–2000 lessons a school year)") }
        try db.cachedStatement(sql: """
            INSERT INTO home_teaching (student, township, school, started_on, reason, teacher, lessons_per_year, case_id, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [child.number, child.township, child.school, startedOn.description, reason, teacher, quota, caseID, actor.user])
        return db.lastInsertedRowID
    }

    /// Logs a session on the child's current placement.
    func log(_ db: Database, _ request: HomeTeachingSession, actor: Actor, today: CivilDate) throws -> Int64 {
        let placement = try currentForWork(db, key: request.student, actor: actor)
        guard request.date >= placement.startedOn, request.date <= today else {
            throw Self.invalid("date", "送教日期应在\(placement.startedOn)与今天之间 (the date must be between the start \(placement.startedOn) and today)")
        }
        guard (1...10).contains(request.lessons) else { throw Self.invalid("lessons", "每次送教1–10节 (1–10 lessons a session)") }
        let teacher = try request.teacher.map { try Self.text($0, field: "teacher", limit: 50) } ?? placement.teacher
        try db.cachedStatement(sql: "INSERT INTO home_teaching_session (placement_id, date, teacher, lessons, recorded_by) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [placement.id, request.date.description, teacher, request.lessons, actor.user])
        return placement.id
    }

    /// Ends the child's current placement.
    func end(_ db: Database, _ request: HomeTeachingEnd, actor: Actor, today: CivilDate) throws -> Int64 {
        let placement = try currentForWork(db, key: request.student, actor: actor)
        let reason = try Self.text(request.reason, field: "reason", limit: 200)
        let date = request.date ?? today
        guard date >= placement.startedOn, date <= today else {
            throw Self.invalid("date", "结束日期应在\(placement.startedOn)与今天之间 (the end must be between the start \(placement.startedOn) and today)")
        }
        try db.cachedStatement(sql: "UPDATE home_teaching SET ended_on = ?, end_reason = ? WHERE id = ?").execute(arguments: [date.description, reason, placement.id])
        return placement.id
    }

    /// The placements in scope, current ones (or all), by township, school and name.
    func list(_ db: Database, _ query: HomeTeachingQuery, today: CivilDate) throws -> [HomeTeaching] {
        var conditions = [query.ended ? "1" : "h.ended_on IS NULL"]
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("h.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("h.school = ?"); arguments += [school] }
        arguments += [min(max(query.limit, 1), 5_000)]
        return try Row.fetchAll(db, sql: "\(Self.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY h.township, h.school, student_name, h.id LIMIT ?", arguments: arguments)
            .map { try view(db, $0, today: today) }
    }

    func placement(_ db: Database, id: Int64, today: CivilDate) throws -> HomeTeaching? {
        try Row.fetchOne(db.cachedStatement(sql: "\(Self.select) WHERE h.id = ?"), arguments: [id]).map { try view(db, $0, today: today) }
    }

    /// This school year's lessons against the quota's share of the year gone by, counted in days
    /// in session (a summer holiday owes no lessons).
    func view(_ db: Database, _ row: Row, today: CivilDate) throws -> HomeTeaching {
        let id: Int64 = row["id"]
        let startedOn = CivilDate(parsing: row["started_on"] as String) ?? today
        let endedOn = (row["ended_on"] as String?).flatMap(CivilDate.init(parsing:))
        let asOf = min(endedOn ?? today, today)
        let yearStart = asOf.schoolYearStart
        let yearEnd = CivilDate(year: yearStart.year + 1, month: 8, day: 31)!
        let quota: Int = row["lessons_per_year"]
        let sums = try Row.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) AS sessions, COALESCE(SUM(lessons), 0) AS lessons FROM home_teaching_session WHERE placement_id = ? AND date >= ?"), arguments: [id, yearStart.description])!
        let calendar = settings.calendar
        let yearDays = max(calendar.sessionDays(after: yearStart.adding(days: -1), through: yearEnd), 1)
        let owedDays = calendar.sessionDays(after: max(startedOn, yearStart).adding(days: -1), through: asOf)
        return HomeTeaching(
            id: id, student: Masking.studentNumber(row["student"]), studentName: row["student_name"] ?? "", township: row["township"], school: row["school"],
            startedOn: startedOn, reason: row["reason"], teacher: row["teacher"], caseID: row["case_id"],
            schoolYear: "\(yearStart.year)-\(yearStart.year + 1)", lessonsPerYear: quota, sessionsThisYear: sums["sessions"], lessonsThisYear: sums["lessons"],
            expectedByNow: quota * owedDays / yearDays, lastSessionOn: (row["last_session"] as String?).flatMap(CivilDate.init(parsing:)),
            endedOn: endedOn, endReason: row["end_reason"])
    }

    /// The child's current placement, if any.
    func current(_ db: Database, number: String) throws -> (id: Int64, startedOn: CivilDate, teacher: String, township: String, school: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, started_on, teacher, township, school FROM home_teaching WHERE student = ? AND ended_on IS NULL"), arguments: [number]).map {
            ($0["id"], CivilDate(parsing: $0["started_on"] as String) ?? CivilDate(dayNumber: 0), $0["teacher"], $0["township"], $0["school"])
        }
    }

    private func currentForWork(_ db: Database, key: String, actor: Actor) throws -> (id: Int64, startedOn: CivilDate, teacher: String, township: String, school: String) {
        guard let child = try ChildFacts.find(db, key: key) else { throw AccessScope(actor).missing(ChildFacts.noSuchChild) }
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        guard let placement = try current(db, number: child.number) else {
            throw ServiceError(.teachingNotFound, "该生没有进行中的送教上门，请先 baoxue teaching start (the child is not taught at home now: `baoxue teaching start` first)")
        }
        return placement
    }

    static func text(_ text: String, field: String, limit: Int) throws -> String {
        let value = TextNormalization.field(text)
        guard !value.isEmpty, value.count <= limit else { throw invalid(field, "必填，最多\(limit)字 (required, at most \(limit) characters)") }
        return value
    }

    static func invalid(_ field: String, _ message: String) -> ServiceError {
        ServiceError(.teachingInvalid, message, problems: [FieldProblem(field: field, reason: message)])
    }
}
