import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB

/// The registry's storage operations. Each runs inside a transaction the caller opens, writes its
/// events to the outbox in that same transaction, and knows nothing of sockets.
public struct RegistryStore: Sendable {
    public let outbox = Outbox(publisher: "registry")
    public let documents: DocumentRequirements

    public init(documents: DocumentRequirements = DocumentRequirements()) {
        self.documents = documents
    }

    /// Deterministic JSON for stored records, so "unchanged" is a byte comparison.
    static func storageJSON(_ value: some Encodable) throws -> Data {
        if let writable = value as? any JSONWritable { return Data(writable.jsonBytes()) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    // MARK: Schools

    public func importSchools(_ db: Database, _ batch: ImportBatch<SchoolRecord>, townshipNames: [String: String] = [:], actor: Actor) throws -> ImportReport {
        var report = ImportReport()
        for row in batch.rows {
            let sent = row.record
            // Store what the rules read (half-width, trimmed), not what was sent.
            let school: SchoolRecord
            switch SchoolRecord.parse([.code: sent.code, .name: sent.name, .type: sent.type.rawValue, .township: sent.township]) {
            case .success(let parsed): school = parsed
            case .failure(let problems):
                report.rejected += problems.problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
                continue
            }
            // The township's name: the batch's map (the demo's), else the file's 乡镇名称 column.
            let townshipName = townshipNames[school.township] ?? sent.townshipName.map(TextNormalization.field).flatMap { $0.isEmpty || $0.count > 50 ? nil : $0 }
            try db.cachedStatement(sql: "INSERT INTO township (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = COALESCE(excluded.name, township.name)").execute(arguments: [school.township, townshipName])
            let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT name, type, township FROM school WHERE code = ?"), arguments: [school.code])
            if let existing {
                if existing[0] == school.name, existing[1] == school.type.rawValue, existing[2] == school.township {
                    report.unchanged += 1
                    continue
                }
                try db.cachedStatement(sql: "UPDATE school SET name = ?, type = ?, township = ? WHERE code = ?").execute(arguments: [school.name, school.type.rawValue, school.township, school.code])
                report.updated += 1
            } else {
                try db.cachedStatement(sql: "INSERT INTO school (code, name, type, township) VALUES (?, ?, ?, ?)").execute(arguments: [school.code, school.name, school.type.rawValue, school.township])
                report.imported += 1
            }
            try outbox.append(db, type: RegistryMessage.Event.schoolUpserted, topic: "\(RegistryMessage.Event.schoolUpserted).\(school.township)", body: school, actor: actor)
            if let previous: String = existing?[2], previous != school.township {
                try moveStudents(db, ofSchool: school.code, to: school.township, actor: actor)
            }
        }
        return report
    }

    /// A school that changes township takes its children with it: their township (which routes
    /// their alerts and scopes who sees them) follows, and each child's replica is told.
    func moveStudents(_ db: Database, ofSchool school: String, to township: String, actor: Actor) throws {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM student WHERE school = ?"), arguments: [school])
        try db.cachedStatement(sql: "UPDATE student SET township = ?, revision = revision + 1, updated_at = ? WHERE school = ?").execute(arguments: [township, Timestamp.now(), school])
        for id in ids {
            let student = try fetchStudent(db, id: id)!
            try outbox.append(db, type: RegistryMessage.Event.studentUpdated, topic: "\(RegistryMessage.Event.studentUpdated).\(township)", body: student, actor: actor)
        }
    }

    /// The township a school belongs to, or nil for an unknown school.
    public func township(_ db: Database, ofSchool school: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT township FROM school WHERE code = ?"), arguments: [school])
    }

    /// What `service.status` shows the county: how many schools, students and changes, and how
    /// many changes still lack documents.
    public static func counts(_ db: Database) throws -> [String: Int] {
        [
            "schools": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM school") ?? 0,
            "students": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0,
            "changes": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM status_change") ?? 0,
            "incompleteChanges": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM status_change WHERE complete = 0") ?? 0,
        ]
    }

    public func schools(_ db: Database, _ query: SchoolQuery) throws -> [School] {
        var sql = """
            SELECT s.code, s.name, s.type, s.township, t.name,
                   (SELECT COUNT(*) FROM student WHERE student.school = s.code)
            FROM school s LEFT JOIN township t ON t.code = s.township
            """
        var arguments: StatementArguments = []
        if let township = query.township {
            sql += " WHERE s.township = ?"
            arguments += [township]
        }
        sql += " ORDER BY s.township, s.code"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            School(code: row[0], name: row[1], type: SchoolType(rawValue: row[2]) ?? .primary, township: row[3], townshipName: row[4], students: row[5])
        }
    }

    // MARK: Students

    /// Upserts a batch of students by ID number, then student number. A row for an unknown school,
    /// or whose ID and student number belong to two different children, is rejected; the others
    /// are written.
    public func importStudents(_ db: Database, _ batch: ImportBatch<StudentRecord>, actor: Actor) throws -> ImportReport {
        try importStudents(db, StudentImportPlan(batch), actor: actor)
    }

    /// Writes a planned batch: only the database work happens here, inside the writer's
    /// transaction; checking and encoding were done by ``StudentImportPlan`` beforehand.
    public func importStudents(_ db: Database, _ plan: StudentImportPlan, actor: Actor) throws -> ImportReport {
        var report = ImportReport(rejected: plan.rejected)
        // Each school's facts and its children's event topic, looked up once per batch.
        var schoolsSeen: [String: (township: String, name: String, type: SchoolType, topic: String)] = [:]
        let now = Timestamp.now()
        let today = Timestamp.todayInChina()
        // Prepared once for the batch (looking a cached statement up hashes its whole SQL), its
        // arguments bound without boxing (decision 155).
        let insert = try BoundStatement(db, sql: Self.insertStudentSQL)
        return try outbox.appending(db) { events in
            for row in plan.rows {
                let record = row.record
                // A birth date after today is a typing slip (2051 for 2015), never a child.
                guard record.birthDate <= today else {
                    report.rejected.append(RowProblem(row: row.row, column: StudentField.birthDate.header, reason: "出生日期\(record.birthDate)晚于今天 (the birth date \(record.birthDate) is in the future)"))
                    continue
                }
                let township: String, schoolName: String, schoolType: SchoolType, addedTopic: String
                if let known = schoolsSeen[record.schoolCode] {
                    (township, schoolName, schoolType, addedTopic) = known
                } else if let found = try Row.fetchOne(db.cachedStatement(sql: "SELECT township, name, type FROM school WHERE code = ?"), arguments: [record.schoolCode]) {
                    (township, schoolName, schoolType) = (found[0], found[1], SchoolType(rawValue: found[2]) ?? .special)
                    addedTopic = "\(RegistryMessage.Event.studentAdded).\(township)"
                    schoolsSeen[record.schoolCode] = (township, schoolName, schoolType, addedTopic)
                } else {
                    report.rejected.append(RowProblem(row: row.row, column: StudentField.schoolCode.header, reason: "学校标识码\(record.schoolCode)不存在，请先导入学校 (unknown school \(record.schoolCode); import schools first)"))
                    continue
                }
                // Every stage's children are where that stage is taught: kindergarten classes at a
                // 幼儿园, high-school grades at a school with a high school.
                guard schoolType.grades.contains(record.grade) else {
                    report.rejected.append(RowProblem(row: row.row, column: StudentField.grade.header, reason: Self.gradeNotTaught(record.grade, schoolName: schoolName, type: schoolType)))
                    continue
                }
                let recordJSON = row.recordJSON
                // A child the registry has never seen is the common row (a county's first load, a
                // school's new intake): the insert's own unique indexes are the look-up, and only a
                // row they refuse is matched and compared (decision 143).
                try insert.run { bind in
                    Self.bindInsert(&bind, studentNumber: record.studentNumber.value, idNumber: record.idNumber?.value, name: record.name, school: record.schoolCode, township: township, recordJSON: recordJSON, now: now)
                }
                if db.changesCount == 1 {
                    report.imported += 1
                    let body = Self.addedStudentBody(recordJSON: recordJSON, schoolName: schoolName, township: township, updatedAt: now)
                    try events.appendToRun(db, type: RegistryMessage.Event.studentAdded, topic: addedTopic, encodedBody: body, key: Student.outboxKey(studentNumber: record.studentNumber.value), actor: actor)
                    continue
                }
                let existing: StoredStudent
                switch try match(db, record) {
                case .conflict(let reason):
                    report.rejected.append(RowProblem(row: row.row, column: StudentField.studentNumber.header, reason: reason))
                    continue
                case .found(let stored): existing = stored
                case .none:
                    // The insert was refused by a unique index the match reads: nothing else refuses it.
                    throw ServiceError(.internal, "第\(row.row)行的学生既未写入也未找到 (the student of row \(row.row) was neither added nor found)")
                }
                if existing.recordJSON == recordJSON, existing.township == township {
                    report.unchanged += 1
                    continue
                }
                try Self.importUpdate.execute(
                    db, always: [record.name, recordJSON, now],
                    groups: [
                        (existing.studentNumber != record.studentNumber.value, [record.studentNumber.value]),
                        (existing.idNumber != record.idNumber?.value, [record.idNumber?.value]),
                        (existing.school != record.schoolCode || existing.township != township, [record.schoolCode, township]),
                    ], key: [existing.id])
                report.updated += 1
                let student = try fetchStudent(db, id: existing.id)!
                try events.append(db, type: RegistryMessage.Event.studentUpdated, topic: "\(RegistryMessage.Event.studentUpdated).\(township)", body: student, actor: actor)
            }
            return report
        }
    }

    /// An imported student's new row, unless the student number or the ID number is already
    /// registered (then nothing is written, and the import matches the stored child); arguments
    /// bound by ``bindInsert(_:studentNumber:idNumber:name:school:township:recordJSON:now:)``.
    /// `bench import` runs it in its baseline too.
    public static let insertStudentSQL = """
        INSERT INTO student (student_number, id_number, name, school, township, status, record, revision, updated_at)
        VALUES (?, ?, ?, ?, ?, 'enrolled', ?, 1, ?) ON CONFLICT DO NOTHING
        """

    /// Binds ``insertStudentSQL``'s arguments, in its order.
    public static func bindInsert(_ bind: inout StatementBinder, studentNumber: String, idNumber: String?, name: String, school: String, township: String, recordJSON: Data, now: String) {
        bind.text(studentNumber)
        bind.text(idNumber)
        bind.text(name)
        bind.text(school)
        bind.text(township)
        bind.blob(recordJSON)
        bind.text(now)
    }

    /// The stored children an ID number or a student number names (``match(_:_:)``); arguments:
    /// ID number, student number. SQLite answers the OR from the two unique indexes.
    public static let matchSQL = "SELECT id, record, township, id_number, student_number, school FROM student WHERE id_number = ? OR student_number = ?"

    /// The `registry.student.added` body of a student an import has just added: the ``Student``
    /// snapshot, written around the record JSON already encoded for storage (the same bytes as
    /// encoding the Student whole). `bench import` writes its baseline's events with it too.
    public static func addedStudentBody(recordJSON: Data, schoolName: String, township: String, updatedAt: String) -> [UInt8] {
        var body = JSONWriter(capacity: recordJSON.count + 160)
        body.beginObject()
        body.field("documentsIncomplete", false)
        body.key("record")
        body.raw(recordJSON)
        body.field("revision", 1)
        body.field("schoolName", schoolName)
        body.field("status", StudentStatus.enrolled.rawValue)
        body.field("township", township)
        body.field("updatedAt", updatedAt)
        body.endObject()
        return body.bytes
    }

    /// Why a row's grade does not fit its school: what the school teaches, in both languages.
    static func gradeNotTaught(_ grade: Int, schoolName: String, type: SchoolType) -> String {
        let range = type.grades
        let zh = "\(SchoolGrade.label(range.lowerBound, .zh))至\(SchoolGrade.label(range.upperBound, .zh))"
        let en = "\(SchoolGrade.label(range.lowerBound, .en)) to \(SchoolGrade.label(range.upperBound, .en))"
        return "\(schoolName)是\(type.rawValue)，只有\(zh)，没有\(SchoolGrade.label(grade, .zh)) (\(schoolName) is a \(type.englishLabel) school with \(en) only, not \(SchoolGrade.label(grade, .en)))"
    }

    struct StoredStudent {
        var id: Int64
        var recordJSON: Data
        var township: String
        var idNumber: String?
        var studentNumber: String
        var school: String
    }

    enum Match {
        case none
        case found(StoredStudent)
        case conflict(String)
    }

    /// Finds the stored child a record describes: by ID number, else by student number. A
    /// re-enrolling child is matched to their old record, never given a new one.
    func match(_ db: Database, _ record: StudentRecord) throws -> Match {
        // One statement for both identities (SQLite answers the OR from the two unique indexes).
        var byID: StoredStudent?
        var byNumber: StoredStudent?
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: Self.matchSQL),
            arguments: [record.idNumber?.value, record.studentNumber.value])
        while let row = try rows.next() {
            let stored = StoredStudent(id: row[0], recordJSON: row[1], township: row[2], idNumber: row[3], studentNumber: row[4], school: row[5])
            if let id = record.idNumber?.value, row[3] == id { byID = stored }
            if row[4] == record.studentNumber.value { byNumber = stored }
        }
        switch (byID, byNumber) {
        case (let a?, let b?) where a.id != b.id:
            return .conflict("身份证件号与全国学籍号分属两名已登记学生，请核实 (the ID number and the student number belong to two different registered students)")
        case (let a?, _): return .found(a)
        case (nil, let b?):
            if let stored = try? WireCoding.decode(StudentRecord.self, from: b.recordJSON), let storedID = stored.idNumber,
                let newID = record.idNumber, storedID != newID {
                return .conflict("全国学籍号已登记在另一身份证件号下 (the student number is registered with another ID number)")
            }
            return .found(b)
        case (nil, nil): return .none
        }
    }

    /// Adds one student by hand (`student add`): like an import of one row, plus an `enroll`
    /// change with its documents, so the child's history starts with how they came in.
    /// A child registered by hand: a first enrolment (入学, 户口簿), or an arrival from a school
    /// outside the county (县外转入), recorded as a transfer in from no status with the transfer's
    /// documents.
    public func addStudent(_ db: Database, _ record: StudentRecord, documents: [String], date: CivilDate, fromOutsideCounty: Bool = false, actor: Actor) throws -> StudentDetail {
        let kind: StatusChangeKind = fromOutsideCounty ? .transferIn : .enroll
        let enrolment = StatusChangeRequest(student: record.identityKey, kind: kind, date: date, documents: documents, reason: fromOutsideCounty ? "县外转入 (arrived from outside the county)" : nil)
        let problems = enrolment.limitProblems
        guard problems.isEmpty else {
            throw ServiceError(.requestInvalid, "证明材料有误 (the documents are invalid)", problems: problems)
        }
        let report = try importStudents(db, ImportBatch(rows: [NumberedRow(row: 1, record: record)]), actor: actor)
        if let problem = report.rejected.first {
            throw ServiceError(.studentInvalid, problem.reason, problems: report.rejected.map { FieldProblem(field: $0.column ?? "", reason: $0.reason) })
        }
        guard report.imported == 1 else {
            throw ServiceError(.studentExists, "该学生已登记（按身份证件号或全国学籍号），请用 student show 查看 (the student is already registered; see `student show`)")
        }
        let id = try studentID(db, key: record.identityKey)!
        let missing = self.documents.missing(for: kind, supplied: documents)
        let change = try recordChange(db, studentID: id, student: try fetchStudent(db, id: id)!, kind: kind, from: nil, to: .enrolled, request: enrolment, missing: missing, actor: actor)
        if !missing.isEmpty {
            try db.cachedStatement(sql: "UPDATE student SET documents_incomplete = 1, revision = revision + 1 WHERE id = ?").execute(arguments: [id])
        }
        let student = try fetchStudent(db, id: id)!
        try outbox.append(db, type: RegistryMessage.Event.statusChanged, topic: "\(RegistryMessage.Event.statusChanged).\(student.township)", body: StatusChangedEvent(change: change, student: student), actor: actor)
        return try detail(db, key: record.identityKey)!
    }

    // MARK: Status changes

    public func changeStatus(_ db: Database, _ request: StatusChangeRequest, actor: Actor, today: CivilDate, scope: AccessScope? = nil) throws -> StatusChangedEvent {
        guard let id = try studentID(db, key: request.student), let current = try fetchStudent(db, id: id) else {
            throw (scope ?? AccessScope(actor)).missing(ServiceError(.studentNotFound, "未找到学生\(Masking.key(request.student)) (no student with that ID or student number)"))
        }
        try Self.requireChangeWrite(request, current: current, scope: scope ?? AccessScope(actor), db: db)
        guard request.date <= today.adding(days: 1) else {
            throw ServiceError(.changeFutureDate, "变动日期\(request.date)晚于今天 (the change date \(request.date) is in the future)")
        }
        let problems = request.limitProblems
        guard problems.isEmpty else {
            throw ServiceError(.requestInvalid, "变动信息有误 (the change request is invalid)", problems: problems)
        }
        guard request.date >= current.record.birthDate else {
            throw ServiceError(.changeBeforeBirth, "变动日期\(request.date)早于学生出生日期 (the change date \(request.date) is before the child was born)", problems: [FieldProblem(field: "date", reason: "before the birth date")])
        }
        if let end = request.expectedEnd, end < request.date {
            throw ServiceError(.changeEndBeforeStart, "预计结束日期\(end)早于变动日期 (expectedEnd \(end) is before the change date)", problems: [FieldProblem(field: "expectedEnd", reason: "before the change date")])
        }
        // A dropout's causes are the closed list; its reason is the note beside them, optional.
        if let refusal = request.causeRefusal { throw refusal }
        let to: StudentStatus
        switch StatusTransition.target(of: request, from: current.status) {
        case .success(let status): to = status
        case .failure(let error): throw error
        }
        var toSchool = request.toSchool.map(TextNormalization.field)
        var toSchoolType: SchoolType?
        if let code = toSchool, !code.isEmpty {
            guard let school = try Row.fetchOne(db.cachedStatement(sql: "SELECT name, type FROM school WHERE code = ?"), arguments: [code]) else {
                throw ServiceError(.changeUnknownSchool, "接收学校\(code)不存在 (unknown school \(code))", problems: [FieldProblem(field: "toSchool", reason: "unknown school")])
            }
            guard request.kind.movesIntoSchool || request.kind == .transferOut else {
                throw ServiceError(.requestInvalid, "只有转出、转入和劝返复学可以指定学校 (only transferOut, transferIn and return take toSchool)", problems: [FieldProblem(field: "toSchool", reason: "not for \(request.kind.rawValue)")])
            }
            toSchoolType = SchoolType(rawValue: school[1])
            let grade = request.grade ?? current.record.grade
            if request.kind.movesIntoSchool, let type = toSchoolType, !type.grades.contains(grade) {
                throw ServiceError(.changeNotAllowed, Self.gradeNotTaught(grade, schoolName: school[0], type: type), problems: [FieldProblem(field: request.grade == nil ? "toSchool" : "grade", reason: request.grade == nil ? "does not teach the child's grade: give the grade there (grade)" : "not taught there")])
            }
        } else {
            toSchool = nil
        }
        if let grade = request.grade, toSchool == nil, let type = try String.fetchOne(db.cachedStatement(sql: "SELECT type FROM school WHERE code = ?"), arguments: [current.record.schoolCode]).flatMap(SchoolType.init(rawValue:)), !type.grades.contains(grade) {
            throw ServiceError(.changeNotAllowed, Self.gradeNotTaught(grade, schoolName: current.record.schoolCode, type: type), problems: [FieldProblem(field: "grade", reason: "not taught at the child's school")])
        }
        let missing = documents.missing(for: request.kind, supplied: request.documents)
        var change = request
        if request.kind == .extendSuspension {
            try requireFirstExtension(db, studentID: id)
        }
        if request.kind == .suspend || request.kind == .extendSuspension, request.expectedEnd == nil {
            // DOMAIN.md: normally one school year; an extension, one more from the current end.
            let from = request.kind == .suspend ? request.date : (try currentSuspensionEnd(db, studentID: id) ?? request.date)
            change.expectedEnd = SuspensionTerm.defaultEnd(from: from)
        }
        change.toSchool = toSchool
        let recorded = try recordChange(db, studentID: id, student: current, kind: request.kind, from: current.status, to: to, request: change, missing: missing, actor: actor, toSchoolType: request.kind.movesIntoSchool ? toSchoolType : nil)

        // A transfer in, or a return into another school, moves the child to that school, in the
        // grade given there.
        var newSchool = current.record.schoolCode
        if request.kind.movesIntoSchool, let toSchool { newSchool = toSchool }
        // The child's school after the change: its township routes the event, its name goes in it.
        let school = try Row.fetchOne(db.cachedStatement(sql: "SELECT township, name FROM school WHERE code = ?"), arguments: [newSchool])
        let newTownship: String = school?[0] ?? current.township
        var record = current.record
        record.schoolCode = newSchool
        if request.kind.movesIntoSchool, let grade = request.grade { record.grade = grade }
        let incomplete = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM status_change WHERE student = ? AND complete = 0)"), arguments: [id]) ?? false
        try Self.changeUpdate.execute(
            db, always: [try RegistryStore.storageJSON(record), incomplete, recorded.recordedAt],
            groups: [
                (to != current.status, [to.rawValue]),
                (newSchool != current.record.schoolCode || newTownship != current.township, [newSchool, newTownship]),
            ], key: [id])
        // The row as just written, without reading it back.
        let student = Student(
            record: record, status: to, township: newTownship, schoolName: school?[1], documentsIncomplete: incomplete, updatedAt: recorded.recordedAt,
            revision: current.revision + 1)
        let event = StatusChangedEvent(change: recorded, student: student)
        // Route by the township that must act now: the child's township after the change (only a
        // transfer in moves it, and then the receiving township must hear of the arrival). The
        // event carries the change's `fromSchool` for the sending side.
        try outbox.append(db, type: RegistryMessage.Event.statusChanged, topic: "\(RegistryMessage.Event.statusChanged).\(student.township)", body: event, actor: actor)
        return event
    }

    /// The student's row after a status change: the status, and the school and township, each
    /// set only when it changed (decision 161).
    static let changeUpdate = SparseUpdate(
        table: "student", always: "record = ?, documents_incomplete = ?, revision = revision + 1, updated_at = ?",
        groups: ["status = ?", "school = ?, township = ?"], key: "id = ?")

    /// An imported child's row when the import changed it: the student number, the ID number,
    /// and the school and township, each set only when it changed (decision 161). A school's
    /// corrected roster changes records, rarely who a child is or where.
    static let importUpdate = SparseUpdate(
        table: "student", always: "name = ?, record = ?, revision = revision + 1, updated_at = ?",
        groups: ["student_number = ?", "id_number = ?", "school = ?, township = ?"], key: "id = ?")

    /// DOMAIN.md: a suspension is "extendable once": a second extension of the same suspension is
    /// refused (a child away longer needs another decision, dropout or resumption).
    func requireFirstExtension(_ db: Database, studentID: Int64) throws {
        let kinds = try String.fetchAll(db.cachedStatement(sql: "SELECT kind FROM status_change WHERE student = ? AND kind IN ('suspend', 'extendSuspension') ORDER BY id DESC"), arguments: [studentID])
        if kinds.first == StatusChangeKind.extendSuspension.rawValue {
            throw ServiceError(.changeNotAllowed, "该次休学已延长过一次，不能再延长；请办理复学，或按辍学处理 (this suspension was already extended once: record a resumption, or a dropout)")
        }
    }

    /// The expected end of the child's current suspension, as its last suspend or extension set it.
    func currentSuspensionEnd(_ db: Database, studentID: Int64) throws -> CivilDate? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT change FROM status_change WHERE student = ? AND kind IN ('suspend', 'extendSuspension') ORDER BY id DESC LIMIT 1"), arguments: [studentID])
            .flatMap { try? WireCoding.decode(StatusChange.self, from: $0) }?.expectedEnd
    }

    /// Who may record a change: county roles, the child's school, and for a transfer in the
    /// receiving school too — the one the transfer out named, or any school when it named none
    /// (the child turned up). A receiving school asking about a child who is not waiting to be
    /// received learns nothing more than that it may not.
    static func requireChangeWrite(_ request: StatusChangeRequest, current: Student, scope: AccessScope, db: Database) throws {
        do {
            try scope.requireStudentWrite(township: current.township, school: current.record.schoolCode)
        } catch {
            guard request.kind == .transferIn, let receiving = request.toSchool.map(TextNormalization.field), !receiving.isEmpty,
                current.status == .transferredOut || current.status == .leftCounty
            else { throw error }
            let named = try Data.fetchOne(db.cachedStatement(sql: "SELECT change FROM status_change WHERE student = (SELECT id FROM student WHERE student_number = ?) AND kind = 'transferOut' ORDER BY id DESC LIMIT 1"), arguments: [current.record.studentNumber.value])
                .flatMap { try? WireCoding.decode(StatusChange.self, from: $0) }?.toSchool
            guard named == nil || named == receiving else { throw error }
            let township = try String.fetchOne(db.cachedStatement(sql: "SELECT township FROM school WHERE code = ?"), arguments: [receiving]) ?? ""
            try scope.requireStudentWrite(township: township, school: receiving)
        }
    }

    /// Writes the change row; `student` is the child as they were before it.
    func recordChange(_ db: Database, studentID: Int64, student: Student, kind: StatusChangeKind, from: StudentStatus?, to: StudentStatus, request: StatusChangeRequest, missing: [String], actor: Actor, toSchoolType: SchoolType? = nil) throws -> StatusChange {
        let id = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM status_change")) ?? 0) + 1
        var change = StatusChange(
            id: id, studentNumber: student.record.studentNumber.value, kind: kind, from: from, to: to, date: request.date,
            documents: request.documents.map(TextNormalization.field), missingDocuments: missing,
            reason: request.reason.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }, fromSchool: student.record.schoolCode,
            toSchool: request.toSchool, expectedEnd: request.expectedEnd, recordedAt: Timestamp.now(), recordedBy: actor.user)
        change.toSchoolType = toSchoolType
        if kind == .dropOut, let causes = request.causes { change.causes = DropoutCause.distinct(causes) }
        try db.cachedStatement(sql: "INSERT INTO status_change (id, student, kind, township, school, complete, change, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [id, studentID, kind.rawValue, student.township, student.record.schoolCode, missing.isEmpty, try RegistryStore.storageJSON(change), change.date.description])
        return change
    }

    public func changes(_ db: Database, _ query: ChangeQuery) throws -> [StatusChange] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("school = ?"); arguments += [school] }
        if query.incompleteOnly { conditions.append("complete = 0") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [min(max(query.limit, 1), 1_000)]
        return try Data.fetchAll(db, sql: "SELECT change FROM status_change \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments)
            .map { try WireCoding.decode(StatusChange.self, from: $0) }
    }

    // MARK: Reads

    /// The row id of the student an ID number or student number names.
    public func studentID(_ db: Database, key: String) throws -> Int64? {
        let key = TextNormalization.field(key).uppercased()
        if key.count == 18 {
            return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM student WHERE id_number = ?"), arguments: [key])
        }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM student WHERE student_number = ?"), arguments: [key])
    }

    static let studentColumns = "s.record, s.status, s.township, sc.name, s.documents_incomplete, s.updated_at, s.revision, s.id"

    func fetchStudent(_ db: Database, id: Int64) throws -> Student? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(RegistryStore.studentColumns) FROM student s LEFT JOIN school sc ON sc.code = s.school WHERE s.id = ?"), arguments: [id])
            .map(RegistryStore.student(from:))
    }

    static func student(from row: Row) throws -> Student {
        Student(
            record: try WireCoding.decode(StudentRecord.self, from: row[0]), status: StudentStatus(rawValue: row[1]) ?? .enrolled,
            township: row[2], schoolName: row[3], documentsIncomplete: row[4], updatedAt: row[5], revision: row[6])
    }

    public func detail(_ db: Database, key: String) throws -> StudentDetail? {
        guard let id = try studentID(db, key: key), let student = try fetchStudent(db, id: id) else { return nil }
        let changes = try Data.fetchAll(db.cachedStatement(sql: "SELECT change FROM status_change WHERE student = ? ORDER BY id"), arguments: [id])
            .map { try WireCoding.decode(StatusChange.self, from: $0) }
        return StudentDetail(student: student, changes: changes)
    }

    /// A page of students, masked here (``StudentSheet``): a list never carries a full number, not
    /// even to the gateway (decision 141).
    public func students(_ db: Database, _ query: StudentQuery) throws -> StudentSheetPage {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let school = query.school { conditions.append("s.school = ?"); arguments += [school] }
        if let township = query.township { conditions.append("s.township = ?"); arguments += [township] }
        if let status = query.status { conditions.append("s.status = ?"); arguments += [status.rawValue] }
        if let text = query.text.map(TextNormalization.field), !text.isEmpty {
            let upper = text.uppercased()
            conditions.append("(s.name LIKE ? ESCAPE '\\' OR s.id_number = ? OR s.student_number = ?)")
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            arguments += ["%\(escaped)%", upper, upper]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student s \(filter)", arguments: arguments) ?? 0
        var pageConditions = conditions
        var pageArguments = arguments
        if let cursor = query.cursor {
            guard let after = Int64(cursor) else {
                throw ServiceError(.requestBadCursor, "cursor无效，请使用上一页返回的nextCursor (invalid cursor; pass the nextCursor of the previous page)")
            }
            pageConditions.append("s.id > ?")
            pageArguments += [after]
        }
        let limit = min(max(query.limit, 1), 1_000)
        let pageFilter = pageConditions.isEmpty ? "" : "WHERE " + pageConditions.joined(separator: " AND ")
        pageArguments += [limit + 1]
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT \(RegistryStore.studentColumns) FROM student s LEFT JOIN school sc ON sc.code = s.school \(pageFilter) ORDER BY s.id LIMIT ?"), arguments: pageArguments)
        let students = try rows.prefix(limit).map { StudentSheet(try RegistryStore.student(from: $0), masked: true) }
        let next: String? = rows.count > limit ? String(rows[limit - 1][7] as Int64) : nil
        return StudentSheetPage(students: students, total: total, nextCursor: next)
    }
}
