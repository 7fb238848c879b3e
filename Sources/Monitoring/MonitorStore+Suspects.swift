import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The suspected-dropout ledger as people work it: listed (poor children first, masked) and
/// verified one child at a time.
extension MonitorStore {
    static let suspectColumns = """
        x.*, s.status, s.birth_date, c.name AS school_name, r.guardian_name, r.guardian_phone
        """
    static let suspectFrom = """
        crosscheck_suspect x
        LEFT JOIN student s ON s.number = x.student
        LEFT JOIN school c ON c.code = x.school
        LEFT JOIN roster_child r ON r.id_number = x.id_number
        """
    /// Registered-poor children first (the poverty comparison has priority), then by township.
    static let suspectOrder = "x.registered_poor DESC, x.township, x.id"

    func suspects(_ db: Database, _ query: SuspectQuery) throws -> [Suspect] {
        var conditions = ["x.state = ?"]
        var arguments: StatementArguments = [(query.state ?? .open).rawValue]
        if let township = query.township { conditions.append("x.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("x.school = ?"); arguments += [school] }
        if let reason = query.reason { conditions.append("instr(x.reasons, ?) > 0"); arguments += ["\"\(reason.rawValue)\""] }
        arguments += [query.limit]
        return try Row.fetchAll(db, sql: "SELECT \(Self.suspectColumns) FROM \(Self.suspectFrom) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(Self.suspectOrder) LIMIT ?", arguments: arguments)
            .map(Self.suspect)
    }

    func suspect(_ db: Database, id: Int64) throws -> Suspect? {
        try Row.fetchOne(db, sql: "SELECT \(Self.suspectColumns) FROM \(Self.suspectFrom) WHERE x.id = ?", arguments: [id]).map(Self.suspect)
    }

    /// A ledger row as people see it: every number masked.
    static func suspect(_ row: Row) -> Suspect {
        let idNumber: String? = row["id_number"]
        let birth: String? = row["birth_date"]
        return Suspect(
            id: row["id"], state: SuspectState(rawValue: row["state"]) ?? .open, reasons: CrosscheckReason.decodeList(row["reasons"]),
            category: (row["category"] as String?).flatMap(SuspectCategory.init(rawValue:)), studentName: row["name"],
            idNumber: idNumber.map(Self.maskedID), student: StudentNumber.maskedText(row["student"]), township: row["township"],
            school: row["school"], schoolName: row["school_name"], registeredPoor: row["registered_poor"], householdRegion: row["region"],
            birthDate: birth.flatMap(CivilDate.init(parsing:)) ?? idNumber.flatMap(Self.birthDate(ofID:)),
            status: (row["status"] as String?).flatMap(StudentStatus.init(rawValue:)), absentDays: row["absent_days"],
            guardianName: row["guardian_name"], guardianPhone: (row["guardian_phone"] as String?).map(FieldParsing.maskedPhone),
            firstFound: CivilDate(parsing: row["first_found"] as String) ?? CivilDate(dayNumber: 0),
            lastFound: CivilDate(parsing: row["last_found"] as String) ?? CivilDate(dayNumber: 0),
            verifiedBy: row["verified_by"], verifiedOn: (row["verified_on"] as String?).flatMap(CivilDate.init(parsing:)), proof: row["proof"],
            note: row["note"], caseID: row["case_id"], closedOn: (row["closed_on"] as String?).flatMap(CivilDate.init(parsing:)), closure: row["closure"])
    }

    /// `510123********123X`, as ``IDNumber/masked`` writes a stored (canonical) number.
    static func maskedID(_ value: String) -> String {
        String(value.prefix(6)) + "********" + String(value.suffix(4))
    }

    static func birthDate(ofID value: String) -> CivilDate? {
        CivilDate(parsing: String(value.dropFirst(6).prefix(8)))
    }

    /// Records what checking on a suspect found. Township staff verify their township's
    /// suspects, county roles any; a suspect is verified once. `confirmed` opens (or reopens)
    /// the child's case, which needs the child in the registry.
    func verifySuspect(_ db: Database, _ request: SuspectVerification, actor: Actor, today: CivilDate) throws -> VerifiedSuspect {
        let scope = AccessScope(actor)
        guard let row = try Row.fetchOne(db, sql: "SELECT id, student, township, state, category FROM crosscheck_suspect WHERE id = ?", arguments: [request.id]) else {
            // Out of scope is the same answer whether or not the suspect exists.
            try scope.requireSuspectVerification(township: "")
            throw Self.noSuchSuspect(request.id)
        }
        let student: String = row["student"]
        try scope.requireSuspectVerification(township: row["township"])
        switch SuspectState(rawValue: row["state"]) ?? .open {
        case .open: break
        case .verified:
            let category = (row["category"] as String?).flatMap(SuspectCategory.init(rawValue:))
            throw ServiceError(.crosscheckAlreadyVerified, "疑似编号\(request.id)已核查为“\(category?.chinese ?? "")”，核查结果只登记一次；该儿童此后的变化由学籍和案件记录 (suspect \(request.id) was already verified as \(category?.rawValue ?? "?"); a verification is recorded once, and what happens to the child next is recorded in the registry and the case)")
        case .closed:
            throw ServiceError(.crosscheckNotOpen, "疑似编号\(request.id)已在最近一次比对中排除，无需核查 (suspect \(request.id) was cleared by the last cross-check; nothing to verify)")
        }
        try Self.checkVerificationText(request.proof, field: "proof", limit: SuspectVerification.maximumProofLength)
        try Self.checkVerificationText(request.note, field: "note", limit: SuspectVerification.maximumNoteLength)
        let proof = request.proof.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : $0 }
        if request.category.needsProof, proof == nil {
            throw ServiceError(
                .crosscheckProofRequired,
                "核查为“\(request.category.chinese)”须写明证明材料（如接收学校证明、出境记录、死亡证明）：--proof 证明名称 (verifying as \(request.category.rawValue) needs the proof, such as the receiving school's certificate: give --proof)",
                problems: [FieldProblem(field: "proof", reason: "required for \(request.category.rawValue)")])
        }
        var caseID: Int64?
        if request.category == .confirmed {
            guard try ChildFacts.fetch(db, number: student) != nil else {
                throw ServiceError(
                    .crosscheckNotRegistered,
                    "该儿童在学籍系统中没有记录，无法立案劝返：请由应就读学校先为其登记学籍（baoxue student add，或导入学生名单），待监测服务同步后再核查为确认失学 (the child has no registry record, so no case can be opened: have the school they should attend register them first (baoxue student add, or a students import), then verify as confirmed again once the monitor has synced)")
            }
            caseID = try openCase(db, number: student, origin: .crosscheck, causes: [], actor: actor.user, note: "四查三比对核查确认失学（疑似编号\(request.id)）(cross-check suspect \(request.id) confirmed out of school)", on: today)
        }
        try db.execute(
            sql: "UPDATE crosscheck_suspect SET state = 'verified', category = ?, proof = ?, note = ?, verified_by = ?, verified_on = ?, case_id = ? WHERE id = ?",
            arguments: [request.category.rawValue, proof, request.note.map(TextNormalization.field), actor.user, today.description, caseID, request.id])
        let resolution = "已核查：\(request.category.chinese)\(caseID.map { "，已立案（案件\($0)）" } ?? "") (verified: \(request.category.rawValue)\(caseID.map { ", case \($0) opened" } ?? ""))"
        try resolveSuspectAlerts(db, student: student, resolution: resolution)
        if caseID != nil { try evaluate(db, number: student, today: today) }
        return VerifiedSuspect(suspect: try suspect(db, id: request.id)!, student: student)
    }

    /// A proof or note: at most `limit` characters, no control characters but line breaks.
    /// `crosscheck.invalid` (422): the text is well-formed JSON, only not acceptable here.
    static func checkVerificationText(_ text: String?, field: String, limit: Int) throws {
        guard let text else { return }
        if text.unicodeScalars.count > limit || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            throw ServiceError(.crosscheckInvalid, "\(field)最多\(limit)字，不含控制字符 (\(field) is at most \(limit) characters, no control characters)", problems: [FieldProblem(field: field, reason: "at most \(limit) characters, no control characters")])
        }
    }

    static func noSuchSuspect(_ id: Int64) -> ServiceError {
        ServiceError(.crosscheckNotFound, "没有编号为\(id)的疑似失学儿童，请用 baoxue crosscheck list 查看编号 (no suspect \(id); see baoxue crosscheck list for the ids)")
    }
}
