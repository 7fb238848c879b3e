import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The ledger (留守儿童台账): one record per child with the family situation, and whether the
/// definition puts the child on the ledger now. A move on or off the ledger is dated and kept
/// (``LedgerMove``); leaving it ends the child's surrogate assignment and resolves their alerts.
/// Every method runs in the caller's transaction.
struct LedgerStore: Sendable {
    let settings: CareSettings

    var rules: CareRuleEngine { CareRuleEngine(settings: settings) }
    var surrogates: SurrogateStore { SurrogateStore(settings: settings) }

    /// What recording a child did, for an import's counts.
    enum Outcome {
        case imported, updated, unchanged
    }

    /// Records (or replaces) a child's family situation, applies the definition, and moves the
    /// child on or off the ledger with a dated line of history.
    /// - Throws: `care.invalid` naming the fields; `scope.forbidden`.
    @discardableResult
    func record(_ db: Database, _ request: LedgerEntryRequest, child: ChildRow, actor: Actor, today: CivilDate) throws -> Outcome {
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        var problems = request.problems()
        let enteredOn = request.enteredOn ?? today
        if enteredOn > today {
            problems.append(FieldProblem(field: "enteredOn", reason: "登记日期不能晚于今天 (the registration date cannot be in the future)"))
        }
        guard problems.isEmpty else {
            throw ServiceError(.careInvalid, "台账信息有误，见各项问题 (the ledger record has problems: see each)", problems: problems)
        }
        let father = try Self.json(request.father), mother = try Self.json(request.mother), guardian = try Self.json(request.guardian)
        let director = try request.director.map(Self.json), supervisor = try request.supervisor.map(Self.json)
        let reasons = LedgerDefinition.verdict(child.facts(father: request.father.situation, mother: request.mother.situation), today: today)
        let state: LedgerState = reasons.first?.qualifies == true ? .active : .inactive
        let now = Timestamp.now()
        guard let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, state, father, mother, guardian, director, supervisor FROM ledger_entry WHERE student = ?"), arguments: [child.number]) else {
            try db.cachedStatement(sql: """
                    INSERT INTO ledger_entry (student, township, school, father, mother, guardian, director, supervisor, state, reasons, recorded_on, entered_on, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                    child.number, child.township, child.school, father, mother, guardian, director, supervisor, state.rawValue, try Self.json(reasons),
                    enteredOn.description, state == .active ? enteredOn.description : nil, now,
                ])
            try move(db, entry: db.lastInsertedRowID, date: enteredOn, kind: state == .active ? .entered : .recorded, reasons: reasons, actor: actor.user)
            try rules.evaluate(db, number: child.number, today: today)
            return .imported
        }
        let id: Int64 = existing["id"]
        if existing["father"] as String == father, existing["mother"] as String == mother, existing["guardian"] as String == guardian,
            existing["director"] as String? == director, existing["supervisor"] as String? == supervisor
        {
            return .unchanged
        }
        try db.cachedStatement(sql: "UPDATE ledger_entry SET father = ?, mother = ?, guardian = ?, director = ?, supervisor = ?, updated_at = ? WHERE id = ?")
            .execute(arguments: [father, mother, guardian, director, supervisor, now, id])
        let previous = LedgerState(rawValue: existing["state"]) ?? .inactive
        // A child coming (back) onto the ledger enters on the registration date given; one
        // leaving it leaves today, when the change was recorded.
        try apply(db, id: id, child: child, from: previous, reasons: reasons, on: previous == .inactive ? enteredOn : today, actor: actor.user, recordUpdate: true)
        try rules.evaluate(db, number: child.number, today: today)
        return .updated
    }

    /// Applies the definition again to a recorded child whose registry facts changed (a status,
    /// a flag, a birthday): moves them on or off the ledger on `date`.
    func reevaluate(_ db: Database, number: String, today: CivilDate, on date: CivilDate, actor: String) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, state, father, mother, reasons FROM ledger_entry WHERE student = ?"), arguments: [number]),
            let child = try ChildRow.fetch(db, number: number)
        else { return }
        let father = try WireCoding.decode(ParentRecord.self, from: Data((row["father"] as String).utf8))
        let mother = try WireCoding.decode(ParentRecord.self, from: Data((row["mother"] as String).utf8))
        let reasons = LedgerDefinition.verdict(child.facts(father: father.situation, mother: mother.situation), today: today)
        // The school may have moved: the record follows the child for scoped lists.
        try db.cachedStatement(sql: "UPDATE ledger_entry SET township = ?, school = ? WHERE id = ? AND (township != ? OR school != ?)")
            .execute(arguments: [child.township, child.school, row["id"], child.township, child.school])
        guard try Self.json(reasons) != row["reasons"] as String else { return }
        try apply(db, id: row["id"], child: child, from: LedgerState(rawValue: row["state"]) ?? .inactive, reasons: reasons, on: date, actor: actor, recordUpdate: false)
        try rules.evaluate(db, number: number, today: today)
    }

    /// Writes the new reasons and state; a change of state is a dated move, and leaving ends the
    /// surrogate assignment.
    private func apply(_ db: Database, id: Int64, child: ChildRow, from previous: LedgerState, reasons: [LedgerReason], on date: CivilDate, actor: String, recordUpdate: Bool) throws {
        let state: LedgerState = reasons.first?.qualifies == true ? .active : .inactive
        let encoded = try Self.json(reasons)
        switch (previous, state) {
        case (.inactive, .active):
            try db.cachedStatement(sql: "UPDATE ledger_entry SET state = 'active', reasons = ?, entered_on = ?, left_on = NULL WHERE id = ?").execute(arguments: [encoded, date.description, id])
            try move(db, entry: id, date: date, kind: .entered, reasons: reasons, actor: actor)
        case (.active, .inactive):
            try db.cachedStatement(sql: "UPDATE ledger_entry SET state = 'inactive', reasons = ?, left_on = ? WHERE id = ?").execute(arguments: [encoded, date.description, id])
            try move(db, entry: id, date: date, kind: .left, reasons: reasons, actor: actor)
            let why = LedgerReason.list(reasons.filter { !$0.qualifies }, .zh)
            try surrogates.endCurrent(db, student: child.number, on: date, reason: "离开台账：\(why) (left the ledger)")
        default:
            try db.cachedStatement(sql: "UPDATE ledger_entry SET reasons = ? WHERE id = ?").execute(arguments: [encoded, id])
            if recordUpdate { try move(db, entry: id, date: date, kind: .updated, reasons: reasons, actor: actor) }
        }
    }

    private func move(_ db: Database, entry: Int64, date: CivilDate, kind: LedgerMove.Kind, reasons: [LedgerReason], actor: String) throws {
        try db.cachedStatement(sql: "INSERT INTO ledger_move (entry_id, date, kind, reasons, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [entry, date.description, kind.rawValue, try Self.json(reasons), actor, Timestamp.now()])
    }

    // MARK: Import

    /// One batch of an import: each row's child found and its name checked against the
    /// registry's, then recorded; a row that cannot be is rejected alone, with its reason, and the
    /// others go in (the batch is one transaction: all of its accepted rows, or none).
    func importBatch(_ db: Database, _ batch: ImportBatch<LedgerImportRow>, actor: Actor, today: CivilDate) throws -> ImportReport {
        try AccessScope(actor).requireCountyWrite()
        var report = ImportReport(rejected: batch.invalidRows)
        for row in batch.rows {
            let key = row.record.entry.student
            guard let child = try ChildRow.find(db, key: key) else {
                report.rejected.append(RowProblem(row: row.row, column: LedgerField.idNumber.header, reason: "学籍中没有该学生（或尚未同步到关爱服务）(the registry has no such child, or the care service has not heard of them yet)"))
                continue
            }
            guard FieldParsing.personName(row.record.name) == child.name else {
                report.rejected.append(RowProblem(row: row.row, column: LedgerField.name.header, reason: "姓名“\(row.record.name)”与学籍中的“\(child.name)”不一致，请核对证件号 (the name differs from the registry's \(child.name): check the ID number)"))
                continue
            }
            do {
                switch try record(db, row.record.entry, child: child, actor: actor, today: today) {
                case .imported: report.imported += 1
                case .updated: report.updated += 1
                case .unchanged: report.unchanged += 1
                }
            } catch let error as ServiceError where error.code == .careInvalid {
                report.rejected += (error.problems ?? []).map { RowProblem(row: row.row, column: Self.header(of: $0.field), reason: $0.reason) }
            }
        }
        return report
    }

    /// The file's column for a field a request names (`father.place` → 父亲务工地).
    static func header(of field: String) -> String {
        let columns: [String: LedgerField] = [
            "father.place": .fatherPlace, "father.reason": .fatherReason, "father.name": .fatherName, "father.phone": .fatherPhone,
            "mother.place": .motherPlace, "mother.reason": .motherReason, "mother.name": .motherName, "mother.phone": .motherPhone,
            "guardian.name": .guardianName, "guardian.age": .guardianAge, "guardian.phone": .guardianPhone,
            "director.name": .directorName, "director.phone": .directorPhone, "supervisor.name": .supervisorName,
            "supervisor.phone": .supervisorPhone, "enteredOn": .enteredOn,
        ]
        return columns[field]?.header ?? field
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try WireCoding.encode(value), as: UTF8.self)
    }
}

