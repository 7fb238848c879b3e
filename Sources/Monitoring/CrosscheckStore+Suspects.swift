import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The suspected-dropout ledger as people work it: listed (poor children first, masked) and
/// verified one child at a time.
extension CrosscheckStore {
    /// Suspects in the query's state (open by default), poor children first; the caller has
    /// narrowed the query to the actor's scope.
    func suspects(_ db: Database, _ query: SuspectQuery) throws -> [Suspect] {
        var conditions = ["x.state = ?"]
        var arguments: StatementArguments = [(query.state ?? .open).rawValue]
        if let township = query.township { conditions.append("x.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("x.school = ?"); arguments += [school] }
        if let reason = query.reason { conditions.append("instr(x.reasons, ?) > 0"); arguments += ["\"\(reason.rawValue)\""] }
        arguments += [query.limit]
        return try Row.fetchAll(db, sql: "SELECT \(Suspect.columns) FROM \(Suspect.from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(Suspect.order) LIMIT ?", arguments: arguments)
            .map(Suspect.init(row:))
    }

    func suspect(_ db: Database, id: Int64) throws -> Suspect? {
        try Row.fetchOne(db, sql: "SELECT \(Suspect.columns) FROM \(Suspect.from) WHERE x.id = ?", arguments: [id]).map(Suspect.init(row:))
    }

    /// Records what checking on a suspect found. Township staff verify their township's
    /// suspects, county roles any; a suspect is verified once. `confirmed` opens (or reopens)
    /// the child's case, which needs the child in the registry.
    func verify(_ db: Database, _ request: SuspectVerification, actor: Actor, today: CivilDate) throws -> VerifiedSuspect {
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
            caseID = try cases.open(db, number: student, origin: .crosscheck, causes: [], actor: actor.user, note: "四查三比对核查确认失学（疑似编号\(request.id)）(cross-check suspect \(request.id) confirmed out of school)", on: today)
        }
        try db.execute(
            sql: "UPDATE crosscheck_suspect SET state = 'verified', category = ?, proof = ?, note = ?, verified_by = ?, verified_on = ?, case_id = ? WHERE id = ?",
            arguments: [request.category.rawValue, proof, request.note.map(TextNormalization.field), actor.user, today.description, caseID, request.id])
        let resolution = "已核查：\(request.category.chinese)\(caseID.map { "，已立案（案件\($0)）" } ?? "") (verified: \(request.category.rawValue)\(caseID.map { ", case \($0) opened" } ?? ""))"
        try alerts.resolveSuspectAlerts(db, student: student, resolution: resolution)
        if caseID != nil { try rules.evaluate(db, number: student, today: today) }
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
