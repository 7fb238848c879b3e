import BaoxueContracts
import Foundation
import GRDB

/// The case workflow's requests, as people make them: every action needs the case open and
/// within the actor's reach, and, but for naming the two lines, both responsible people named
/// first (双线控辍: a township official and a school teacher). Actions that change what the rules
/// see (an opening, a visit, a closure) re-run the child's rules in the same transaction.
extension CaseStore {
    /// The case, if the actor may work on it now: within reach, open, and (unless naming the
    /// lines is the work) with both lines named.
    func caseForWork(_ db: Database, id: Int64, actor: Actor, needsAssignment: Bool = true) throws -> CaseRow {
        guard let existing = try CaseRow.fetch(db, id: id) else { throw AccessScope(actor).missing(Self.noSuchCase(id)) }
        try AccessScope(actor).requireCaseWork(township: existing.township, school: existing.school)
        guard existing.state == .open else {
            throw ServiceError(.caseNotOpen, "案件\(id)已\(existing.state == .probation ? "进入观察期" : "销号")，不能再办理 (case \(id) is \(existing.state.rawValue))")
        }
        if needsAssignment, !existing.isAssigned {
            throw ServiceError(.caseUnassigned, "案件\(id)须先指定乡镇与学校两名负责人（双线控辍）：baoxue case assign \(id) --township-official 姓名 --school-teacher 姓名 (case \(id) needs both a township official and a school teacher first)")
        }
        return existing
    }

    func open(_ db: Database, _ request: OpenCaseRequest, actor: Actor, today: CivilDate) throws -> Int64 {
        guard let child = try ChildFacts.find(db, key: request.student) else { throw AccessScope(actor).missing(ChildFacts.noSuchChild) }
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        try Self.checkText(request.note, field: "note", limit: 500)
        let id = try open(db, number: child.number, origin: .manual, causes: request.causes, actor: actor.user, note: request.note, on: today)
        try rules.evaluate(db, number: child.number, today: today)
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
        try publish(db, id: request.id, today: today)
    }

    func plan(_ db: Database, _ request: PlanCaseRequest, actor: Actor, today: CivilDate) throws {
        _ = try caseForWork(db, id: request.id, actor: actor)
        guard !request.causes.isEmpty || !request.measures.isEmpty else {
            throw ServiceError(.caseInvalid, "请给出原因或措施 (give causes or measures)")
        }
        try Self.checkText(request.note, field: "note", limit: 500)
        try db.cachedStatement(sql: "UPDATE dropout_case SET causes = ?, measures = ? WHERE id = ?").execute(arguments: [CaseRow.encode(request.causes), CaseRow.encode(request.measures), request.id])
        try history(db, request.id, actor: actor.user, kind: "planned", detail: "原因 causes: \(DropoutCause.list(request.causes, .zh)); 措施 measures: \(CaseMeasure.list(request.measures, .zh))\(request.note.map { "; \($0)" } ?? "")")
        try publish(db, id: request.id, today: today)
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
        try publish(db, id: request.id, today: today)
        try rules.evaluate(db, number: existing.student, today: today)
    }

    func step(_ db: Database, _ request: LegalStepRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor)
        try Self.checkDate(request.date, field: "date", notBefore: existing.openedOn, today: today)
        try Self.checkText(request.note, field: "note", limit: 500)
        try db.cachedStatement(sql: "INSERT INTO case_step (case_id, step, date, note, recorded_by) VALUES (?, ?, ?, ?, ?)").execute(arguments: [request.id, request.step.rawValue, request.date.description, request.note, actor.user])
        try history(db, request.id, actor: actor.user, kind: "step", detail: "\(request.date) \(request.step.chinese)")
        try publish(db, id: request.id, today: today)
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
        try publish(db, id: request.id, today: today)
    }

    func close(_ db: Database, _ request: CloseCaseRequest, actor: Actor, today: CivilDate) throws {
        let existing = try caseForWork(db, id: request.id, actor: actor)
        if request.outcome == .returned {
            try confirmBackInClass(db, existing, request, actor: actor, today: today)
            return
        }
        if request.outcome.isPlacement {
            throw ServiceError(.casePlacementNotRecorded, "“\(request.outcome.chinese)”须在学籍中办理：辍学学生用 baoxue student change 学籍号 --kind return --to-school 学校标识码 [--grade 年级]，在籍学生先转出再转入该校；案件随学籍变更销号。县外学校请按“县外就读（已核实）”附证明销号 (record the placement in the registry: a dropped-out child returns into that school, `baoxue student change KEY --kind return --to-school CODE [--grade N]`; an enrolled child transfers out and into it; the case then closes by itself. A school outside the county: close as enrolledElsewhere with proof)")
        }
        if request.outcome.needsProof, (request.proof ?? "").trimmingWhitespace().isEmpty {
            throw ServiceError(.caseProofRequired, "“\(request.outcome.chinese)”须附核实证明 (\(request.outcome.rawValue) needs proof: --proof)", problems: [FieldProblem(field: "proof", reason: "required")])
        }
        try Self.checkText(request.proof, field: "proof", limit: 500)
        let date = request.date ?? today
        try Self.checkDate(date, field: "date", notBefore: existing.openedOn, today: today)
        if request.outcome == .homeTeaching {
            // 送教上门 is a placement of its own (decision 105): the case closes into it, and the
            // sessions go on against the yearly quota with no case to escalate.
            try startHomeTeaching(db, existing, request, on: date, actor: actor, today: today)
        }
        try db.cachedStatement(sql: "UPDATE dropout_case SET state = 'closed', outcome = ?, closed_on = ? WHERE id = ?").execute(arguments: [request.outcome.rawValue, date.description, request.id])
        try history(db, request.id, actor: actor.user, kind: "closed", detail: "\(request.outcome.chinese)\(request.proof.map { "；证明 proof: \($0)" } ?? "")")
        try publish(db, id: request.id, today: today)
        try rules.evaluate(db, number: existing.student, today: today)
    }

    /// Closing as 送教上门 starts the child's placement, taught by the case's last session teacher
    /// (or its school teacher), unless one is already under way. Only for a child the registry
    /// lists as enrolled: a dropout returns through the registry first.
    func startHomeTeaching(_ db: Database, _ existing: CaseRow, _ request: CloseCaseRequest, on date: CivilDate, actor: Actor, today: CivilDate) throws {
        let teaching = HomeTeachingStore(settings: settings)
        if try teaching.current(db, number: existing.student) != nil { return }
        let lastTeacher = try String.fetchOne(db.cachedStatement(sql: "SELECT teacher FROM teaching_session WHERE case_id = ? ORDER BY date DESC, id DESC LIMIT 1"), arguments: [existing.id])
        guard let teacher = lastTeacher ?? existing.schoolTeacher else {
            throw ServiceError(.caseInvalid, "转为送教上门须有送教教师：先记录一次送教 (baoxue case teach) (closing as home teaching needs a teacher: log a session first)")
        }
        let reason = (request.proof ?? "").trimmingWhitespace().isEmpty ? "劝返案件\(existing.id)转送教上门" : request.proof!
        _ = try teaching.start(db, HomeTeachingStart(student: existing.student, teacher: teacher, reason: reason, startedOn: date), actor: actor, today: today, caseID: existing.id)
    }

    /// A case of a child the registry still lists as enrolled (opened for four weeks' absence, or
    /// by hand) closes as returned when the child is back in class: dated, with who confirmed it,
    /// into the same probation as a return the registry records. A child the registry lists as
    /// dropped out returns through the registry (`return`), which closes the case by itself.
    func confirmBackInClass(_ db: Database, _ existing: CaseRow, _ request: CloseCaseRequest, actor: Actor, today: CivilDate) throws {
        guard let child = try ChildFacts.fetch(db, number: existing.student) else { throw ChildFacts.noSuchChild }
        guard child.status == .enrolled else {
            if child.status == .droppedOut {
                throw ServiceError(.caseReturnNotRecorded, "该生学籍为辍学，劝返复学须先在学籍中办理（baoxue student change 学籍号 --kind return），案件随之销号并进入观察期 (the registry lists the child as dropped out: record the return there first, `baoxue student change KEY --kind return`; the case then closes by itself)")
            }
            throw ServiceError(.caseReturnNotRecorded, "该生学籍状态为\(child.status.label(.zh))，不能按返校上课销号 (the registry lists the child as \(child.status.rawValue), not enrolled: the case cannot close as returned)")
        }
        // Who saw the child back, and how, is what makes the case's closing believable later.
        guard !(request.proof ?? "").trimmingWhitespace().isEmpty else {
            throw ServiceError(.caseProofRequired, "按返校上课销号须写明谁核实、如何核实（例如“班主任李老师核实12月3日起正常到校”）(closing as returned needs who confirmed the child is back in class, and how: --proof)", problems: [FieldProblem(field: "proof", reason: "required")])
        }
        try Self.checkText(request.proof, field: "proof", limit: 500)
        let date = request.date ?? today
        try Self.checkDate(date, field: "date", notBefore: existing.openedOn, today: today)
        let note = request.proof.map { "（\($0)）" } ?? ""
        let noteEnglish = request.proof.map { ": \($0)" } ?? ""
        try startProbation(db, id: existing.id, on: date, actor: actor.user, today: today) { until in
            "在籍学生已返校上课，\(actor.user)确认\(note)，观察至\(until) (back in class, confirmed by \(actor.user)\(noteEnglish); watched until \(until))"
        }
        try rules.evaluate(db, number: existing.student, today: today)
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
}
