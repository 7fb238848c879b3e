import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The persuasion-return case workflow (DOMAIN.md "A case"): one case per child, reopened rather
/// than duplicated; a case cannot move on until both lines are named; every action appended to
/// the case's history and published as `monitor.case.<township>`.
extension MonitorStore {
    /// Opens the child's case, or reopens the one they had. Idempotent while it is open.
    @discardableResult
    func openCase(_ db: Database, number: String, origin: CaseOrigin, causes: [DropoutCause], actor: String, note: String?, on date: CivilDate) throws -> Int64 {
        guard let child = try ChildFacts.fetch(db, number: number) else { throw Self.noSuchChild }
        if let existing = try CaseRow.fetch(db, student: number) {
            if existing.state == .open { return existing.id }
            try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'open', origin = ?, township = ?, school = ?, outcome = NULL, closed_on = NULL, probation_until = NULL, reopened = reopened + 1, causes = ?, reopened_on = ? WHERE id = ?").execute(arguments: [origin.rawValue, child.township, child.school, CaseRow.encode(causes.isEmpty ? existing.causes : causes), date.description, existing.id])
            try history(db, existing.id, actor: actor, kind: "reopened", detail: "\(origin.rawValue)\(note.map { ": \($0)" } ?? "")")
            try publishCase(db, id: existing.id, today: date)
            return existing.id
        }
        try db.cachedStatement(sql: "INSERT INTO dropout_case (student, township, school, state, origin, opened_on, causes) VALUES (?, ?, ?, 'open', ?, ?, ?)").execute(arguments: [number, child.township, child.school, origin.rawValue, date.description, CaseRow.encode(causes)])
        let id = db.lastInsertedRowID
        try history(db, id, actor: actor, kind: "opened", detail: "\(origin.rawValue)\(note.map { ": \($0)" } ?? "")")
        try publishCase(db, id: id, today: date)
        return id
    }

    /// The registry recorded the child's return: the case closes as returned and the child is
    /// watched for the probation days.
    func confirmReturn(_ db: Database, number: String, on date: CivilDate, actor: String) throws {
        guard let existing = try CaseRow.fetch(db, student: number), existing.state == .open else { return }
        let until = date.adding(days: settings.probationDays)
        try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'probation', outcome = 'returned', closed_on = ?, probation_until = ? WHERE id = ?").execute(arguments: [date.description, until.description, existing.id])
        try history(db, existing.id, actor: actor, kind: "probation", detail: "学籍已办理劝返复学，观察至\(until) (return recorded by the registry; watched until \(until))")
        try publishCase(db, id: existing.id, today: date)
    }

    /// An unexplained absence during probation reopens the case.
    func absentDuringProbation(_ db: Database, number: String, on date: CivilDate, actor: String) throws {
        guard let existing = try CaseRow.fetch(db, student: number), existing.state == .probation,
            let closed = existing.closedOn, date >= closed
        else { return }
        try openCase(db, number: number, origin: existing.origin, causes: existing.causes, actor: actor, note: "观察期内\(date)无故缺课 (unexplained absence on \(date) during probation)", on: date)
    }

    // MARK: The workflow's requests

    func caseForWork(_ db: Database, id: Int64, actor: Actor, needsAssignment: Bool = true) throws -> CaseRow {
        guard let existing = try CaseRow.fetch(db, id: id) else { throw Self.noSuchCase(id) }
        try AccessScope(actor).requireCaseWork(township: existing.township, school: existing.school)
        guard existing.state == .open else {
            throw ServiceError(.caseNotOpen, "案件\(id)已\(existing.state == .probation ? "进入观察期" : "销号")，不能再办理 (case \(id) is \(existing.state.rawValue))")
        }
        if needsAssignment, !existing.isAssigned {
            throw ServiceError(.caseUnassigned, "案件\(id)须先指定乡镇与学校两名负责人（双线控辍）：baoxue case assign \(id) --township-official 姓名 --school-teacher 姓名 (case \(id) needs both a township official and a school teacher first)")
        }
        return existing
    }

    func openCase(_ db: Database, _ request: OpenCaseRequest, actor: Actor, today: CivilDate) throws -> Int64 {
        guard let child = try ChildFacts.find(db, key: request.student) else { throw AccessScope(actor).missing(Self.noSuchChild) }
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        try Self.checkText(request.note, field: "note", limit: 500)
        let id = try openCase(db, number: child.number, origin: .manual, causes: request.causes, actor: actor.user, note: request.note, on: today)
        try evaluate(db, number: child.number, today: today)
        return id
    }

    func assign(_ db: Database, _ request: AssignCaseRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor, needsAssignment: false)
        try Self.checkText(request.townshipOfficial, field: "townshipOfficial", limit: 50)
        try Self.checkText(request.schoolTeacher, field: "schoolTeacher", limit: 50)
        let official = request.townshipOfficial.map(TextNormalization.field) ?? existing.townshipOfficial
        let teacher = request.schoolTeacher.map(TextNormalization.field) ?? existing.schoolTeacher
        guard official != nil || teacher != nil else {
            throw ServiceError(.caseInvalid, "请指定乡镇负责人或学校负责人 (name a township official or a school teacher)")
        }
        try db.cachedStatement(sql: "UPDATE dropout_case SET township_official = ?, school_teacher = ? WHERE id = ?").execute(arguments: [official, teacher, request.id])
        try history(db, request.id, actor: actor.user, kind: "assigned", detail: "乡镇 township: \(official ?? "—"); 学校 school: \(teacher ?? "—")")
        try publishCase(db, id: request.id, today: today)
    }

    func plan(_ db: Database, _ request: PlanCaseRequest, actor: Actor, today: CivilDate) throws {
        _ = try caseForWork(db, id: request.id, actor: actor)
        guard !request.causes.isEmpty || !request.measures.isEmpty else {
            throw ServiceError(.caseInvalid, "请给出原因或措施 (give causes or measures)")
        }
        try Self.checkText(request.note, field: "note", limit: 500)
        try db.cachedStatement(sql: "UPDATE dropout_case SET causes = ?, measures = ? WHERE id = ?").execute(arguments: [CaseRow.encode(request.causes), CaseRow.encode(request.measures), request.id])
        try history(db, request.id, actor: actor.user, kind: "planned", detail: "原因 causes: \(DropoutCause.list(request.causes, .zh)); 措施 measures: \(CaseMeasure.list(request.measures, .zh))\(request.note.map { "; \($0)" } ?? "")")
        try publishCase(db, id: request.id, today: today)
    }

    func visit(_ db: Database, _ request: VisitRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor)
        try Self.checkDate(request.date, field: "date", notBefore: existing.openedOn, today: today)
        if let next = request.nextVisit, next < request.date {
            throw ServiceError(.caseInvalid, "下次走访日期早于本次 (nextVisit is before the visit)", problems: [FieldProblem(field: "nextVisit", reason: "before date")])
        }
        let visitors = request.visitors.map(TextNormalization.field).filter { !$0.isEmpty }
        guard !visitors.isEmpty, visitors.count <= 10, visitors.allSatisfy({ $0.count <= 50 }) else {
            throw ServiceError(.caseInvalid, "走访人员应为1–10人 (1–10 visitors)", problems: [FieldProblem(field: "visitors", reason: "1–10 names")])
        }
        try Self.checkText(request.outcome, field: "outcome", limit: 1000, required: true)
        try Self.checkText(request.campaign, field: "campaign", limit: 50)
        try db.cachedStatement(sql: "INSERT INTO case_visit (case_id, date, visitors, outcome, next_visit, campaign, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)").execute(arguments: [request.id, request.date.description, visitors.joined(separator: "、"), request.outcome, request.nextVisit?.description, request.campaign, actor.user])
        try history(db, request.id, actor: actor.user, kind: "visit", detail: "\(request.date) \(visitors.joined(separator: "、")): \(request.outcome)")
        try publishCase(db, id: request.id, today: today)
        try evaluate(db, number: existing.student, today: today)
    }

    func step(_ db: Database, _ request: LegalStepRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor)
        try Self.checkDate(request.date, field: "date", notBefore: existing.openedOn, today: today)
        try Self.checkText(request.note, field: "note", limit: 500)
        try db.cachedStatement(sql: "INSERT INTO case_step (case_id, step, date, note, recorded_by) VALUES (?, ?, ?, ?, ?)").execute(arguments: [request.id, request.step.rawValue, request.date.description, request.note, actor.user])
        try history(db, request.id, actor: actor.user, kind: "step", detail: "\(request.date) \(request.step.chinese)")
        try publishCase(db, id: request.id, today: today)
    }

    func teach(_ db: Database, _ request: TeachingRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor)
        try Self.checkDate(request.date, field: "date", notBefore: existing.openedOn, today: today)
        guard (1...10).contains(request.lessons) else {
            throw ServiceError(.caseInvalid, "每次送教1–10节 (1–10 lessons a session)", problems: [FieldProblem(field: "lessons", reason: "1–10")])
        }
        try Self.checkText(request.teacher, field: "teacher", limit: 50, required: true)
        try db.cachedStatement(sql: "INSERT INTO teaching_session (case_id, date, teacher, lessons, recorded_by) VALUES (?, ?, ?, ?, ?)").execute(arguments: [request.id, request.date.description, request.teacher, request.lessons, actor.user])
        try history(db, request.id, actor: actor.user, kind: "teaching", detail: "\(request.date) \(request.teacher) \(request.lessons)节 lessons")
        try publishCase(db, id: request.id, today: today)
    }

    func close(_ db: Database, _ request: CloseCaseRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor)
        guard request.outcome != .returned else {
            throw ServiceError(.caseReturnNotRecorded, "劝返复学须先在学籍中办理（baoxue student change 学籍号 --kind return），案件随之销号并进入观察期 (record the return in the registry first: `baoxue student change KEY --kind return`; the case then closes by itself)")
        }
        if request.outcome.needsProof, (request.proof ?? "").trimmingWhitespace().isEmpty {
            throw ServiceError(.caseProofRequired, "“\(request.outcome.chinese)”须附核实证明 (\(request.outcome.rawValue) needs proof: --proof)", problems: [FieldProblem(field: "proof", reason: "required")])
        }
        try Self.checkText(request.proof, field: "proof", limit: 500)
        let date = request.date ?? today
        try Self.checkDate(date, field: "date", notBefore: existing.openedOn, today: today)
        try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'closed', outcome = ?, closed_on = ? WHERE id = ?").execute(arguments: [request.outcome.rawValue, date.description, request.id])
        try history(db, request.id, actor: actor.user, kind: "closed", detail: "\(request.outcome.chinese)\(request.proof.map { "；证明 proof: \($0)" } ?? "")")
        try publishCase(db, id: request.id, today: today)
        try evaluate(db, number: existing.student, today: today)
    }

    // MARK: Reading

    func history(_ db: Database, _ id: Int64, actor: String, kind: String, detail: String) throws {
        try db.cachedStatement(sql: "INSERT INTO case_history (case_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)").execute(arguments: [id, Timestamp.now(), actor, kind, detail])
    }

    func summary(_ db: Database, _ row: CaseRow, today: CivilDate) throws -> CaseSummary {
        let child = try ChildFacts.fetch(db, number: row.student)
        // Against the yearly quota, so this school year's lessons only.
        let lessons = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COALESCE(SUM(lessons), 0) FROM teaching_session WHERE case_id = ? AND date >= ?"),
            arguments: [row.id, today.schoolYearStart.description]) ?? 0
        return CaseSummary(
            id: row.id, state: row.state, origin: row.origin, studentName: child?.name ?? "", student: StudentNumber.maskedText(row.student),
            township: row.township, school: row.school, schoolName: child?.schoolName, grade: child?.grade ?? 0,
            age: child.map { $0.birthDate.age(on: today) } ?? 0, registeredPoor: child?.registeredPoor ?? false, openedOn: row.openedOn,
            townshipOfficial: row.townshipOfficial, schoolTeacher: row.schoolTeacher, causes: row.causes, measures: row.measures,
            visits: row.visits, lastVisitOn: row.lastVisitOn, nextVisitOn: row.nextVisitOn, lessons: lessons, outcome: row.outcome,
            closedOn: row.closedOn, probationUntil: row.probationUntil, reopened: row.reopened)
    }

    func publishCase(_ db: Database, id: Int64, today: CivilDate) throws {
        guard let row = try CaseRow.fetch(db, id: id) else { return }
        let summary = try summary(db, row, today: today)
        try outbox.append(db, type: MonitorMessage.Event.caseChanged, topic: "\(MonitorMessage.Event.caseChanged).\(row.township)", body: summary, actor: nil)
    }

    func cases(_ db: Database, _ query: CaseQuery, today: CivilDate) throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("c.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("c.school = ?"); arguments += [school] }
        if let state = query.state { conditions.append("c.state = ?"); arguments += [state.rawValue] } else { conditions.append("c.state != 'closed'") }
        arguments += [query.limit]
        let rows = try Row.fetchAll(db, sql: "\(CaseRow.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id DESC LIMIT ?", arguments: arguments)
        return try rows.map { try summary(db, CaseRow(row: $0), today: today) }
    }

    func caseFile(_ db: Database, id: Int64, today: CivilDate) throws -> CaseFile? {
        guard let row = try CaseRow.fetch(db, id: id) else { return nil }
        let visits = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_visit WHERE case_id = ? ORDER BY date, id"), arguments: [id]).map { visit in
            CaseVisit(date: CivilDate(parsing: visit["date"] as String)!, visitors: (visit["visitors"] as String).split(separator: "、").map(String.init), outcome: visit["outcome"],
                      nextVisit: (visit["next_visit"] as String?).flatMap(CivilDate.init(parsing:)), campaign: visit["campaign"], recordedBy: visit["recorded_by"])
        }
        let steps = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_step WHERE case_id = ? ORDER BY date, id"), arguments: [id]).map { step in
            CaseStep(step: LegalStep(rawValue: step["step"]) ?? .classTeacher, date: CivilDate(parsing: step["date"] as String)!, note: step["note"], recordedBy: step["recorded_by"])
        }
        let teaching = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM teaching_session WHERE case_id = ? ORDER BY date, id"), arguments: [id]).map { session in
            TeachingSession(date: CivilDate(parsing: session["date"] as String)!, teacher: session["teacher"], lessons: session["lessons"], recordedBy: session["recorded_by"])
        }
        let history = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_history WHERE case_id = ? ORDER BY id"), arguments: [id]).map { entry in
            CaseHistoryEntry(at: entry["at"], actor: entry["actor"], kind: entry["kind"], detail: entry["detail"])
        }
        var siblings: [SiblingStatus] = []
        if let family = try String.fetchOne(db.cachedStatement(sql: "SELECT family FROM student WHERE number = ?"), arguments: [row.student]) {
            siblings = try Row.fetchAll(
                db, sql: "SELECT s.*, c.id AS case_id FROM student s LEFT JOIN dropout_case c ON c.student = s.number AND c.state != 'closed' WHERE s.family = ? AND s.number != ? ORDER BY s.birth_date",
                arguments: [family, row.student]
            ).map { sibling in
                SiblingStatus(name: sibling["name"], student: StudentNumber.maskedText(sibling["number"]), school: sibling["school"], grade: sibling["grade"],
                              status: StudentStatus(rawValue: sibling["status"]) ?? .enrolled, openCase: sibling["case_id"])
            }
        }
        return CaseFile(summary: try summary(db, row, today: today), visits: visits, steps: steps, teaching: teaching, siblings: siblings, history: history, teachingQuota: settings.teachingLessonsPerYear)
    }

    // MARK: Checks

    static func checkText(_ text: String?, field: String, limit: Int, required: Bool = false) throws {
        let value = text.map(TextNormalization.field) ?? ""
        if required, value.isEmpty {
            throw ServiceError(.caseInvalid, "\(field)必填 (\(field) is required)", problems: [FieldProblem(field: field, reason: "required")])
        }
        if value.count > limit || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            throw ServiceError(.caseInvalid, "\(field)最多\(limit)字，不含控制字符 (\(field) is at most \(limit) characters, no control characters)", problems: [FieldProblem(field: field, reason: "at most \(limit) characters")])
        }
    }

    static func checkDate(_ date: CivilDate, field: String, notBefore: CivilDate, today: CivilDate) throws {
        guard date >= notBefore, date <= today.adding(days: 1) else {
            throw ServiceError(.caseInvalid, "\(field) \(date)应在立案日\(notBefore)与今天之间 (\(field) must be between the case's opening \(notBefore) and today)", problems: [FieldProblem(field: field, reason: "between \(notBefore) and today")])
        }
    }

    static let noSuchChild = ServiceError(.studentNotFound, "监测库中没有该学生（可能尚未从学籍同步）(no such child in the monitor; it may not have synced from the registry yet)")

    static func noSuchCase(_ id: Int64) -> ServiceError {
        ServiceError(.caseNotFound, "没有编号为\(id)的案件 (no case \(id))")
    }
}
