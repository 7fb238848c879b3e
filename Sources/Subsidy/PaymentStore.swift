import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Payments (发放记录): reading them, the bank's results (credited or returned), and reissuing a
/// returned one. A payment's child, program, term and amount never change and it is never
/// deleted; a credited or returned payment stays so (``SubsidySchema``).
struct PaymentStore: Sendable {
    static let columns = "p.*, s.name AS student_name"
    static let from = "payment p LEFT JOIN student s ON s.number = p.student"

    func payment(_ db: Database, id: Int64) throws -> Payment? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE p.id = ?"), arguments: [id]).map(Self.payment)
    }

    /// Payments newest first; the caller has narrowed the query to the actor's scope and turned a
    /// student key into the student number.
    func list(_ db: Database, _ query: PaymentQuery) throws -> [Payment] {
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let term = query.term { conditions.append("p.term = ?"); arguments += [term.code] }
        if let program = query.program { conditions.append("p.program = ?"); arguments += [program] }
        if let batch = query.batch { conditions.append("p.batch_id = ?"); arguments += [batch] }
        if let state = query.state { conditions.append("p.state = ?"); arguments += [state.rawValue] }
        if let township = query.township { conditions.append("p.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("p.school = ?"); arguments += [school] }
        if let student = query.student { conditions.append("p.student = ?"); arguments += [student] }
        arguments += [min(max(query.limit, 1), 1_000)]
        return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.id DESC LIMIT ?", arguments: arguments).map(Self.payment)
    }

    /// Pays a returned payment again: a new payment naming it, once what failed is corrected.
    /// - Throws: `subsidy.paymentNotFound`; `subsidy.notReissuable` for a payment that has not
    ///   failed or was reissued already; `subsidy.alreadyPaid` when the child has a live payment of
    ///   the program and term (the database would refuse it anyway).
    func reissue(_ db: Database, _ request: PaymentReissue, actor: Actor) throws -> Payment {
        let note = TextNormalization.field(request.note)
        guard (1...200).contains(note.count) else {
            throw ServiceError(.subsidyInvalid, "补发须说明已更正的内容（1–200字）(say what was corrected, 1–200 characters)", problems: [FieldProblem(field: "note", reason: "1–200 characters")])
        }
        guard let failed = try payment(db, id: request.id) else { throw Self.notFound(request.id) }
        guard failed.state == .failed else {
            throw ServiceError(.subsidyNotReissuable, "支付\(request.id)为“\(failed.state.label(.zh))”，只有发放失败的才能补发 (payment \(request.id) is \(failed.state.label(.en)); only a failed payment is reissued)")
        }
        if let again = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM payment WHERE reissue_of = ?"), arguments: [request.id]) {
            throw ServiceError(.subsidyNotReissuable, "支付\(request.id)已补发为\(again) (payment \(request.id) was already reissued as \(again))")
        }
        do {
            try db.cachedStatement(sql: """
                INSERT INTO payment (student, program, term, attempt, batch_id, township, school, grade, stage, amount, central, provincial, county, state, reissue_of, note, recorded_at)
                SELECT student, program, term, attempt + 1, batch_id, township, school, grade, stage, amount, central, provincial, county, 'pending', id, ?, ?
                FROM payment WHERE id = ?
                """).execute(arguments: [note, Timestamp.now(), request.id])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw ServiceError(.subsidyAlreadyPaid, "该生本学期此项目已有有效发放，不能补发 (the child already has a live payment of this program for the term)")
        }
        return try payment(db, id: db.lastInsertedRowID)!
    }

    /// Applies the bank's results: a pending payment becomes paid (published as `subsidy.paid`)
    /// or failed with the bank's reason. A result already applied is unchanged; one that
    /// contradicts a settled payment, names no payment, or whose ID number or amount differ from
    /// the payment's, is refused with its row.
    func applyBankResults(_ db: Database, _ batch: ImportBatch<BankResultRow>, today: CivilDate) throws -> (report: ImportReport, touched: Set<ProgramTerm>) {
        var report = ImportReport(rejected: batch.invalidRows)
        var touched: Set<ProgramTerm> = []
        let lookup = try db.cachedStatement(sql: "SELECT p.state, p.amount, p.program, p.term, s.id_number FROM payment p LEFT JOIN student s ON s.number = p.student WHERE p.id = ?")
        let settle = try db.cachedStatement(sql: "UPDATE payment SET state = ?, failure = ?, settled_on = ? WHERE id = ? AND state = 'pending'")
        for numbered in batch.rows {
            let result = numbered.record
            func refuse(_ field: BankResultField, _ reason: String) { report.rejected.append(RowProblem(row: numbered.row, column: field.header, reason: reason)) }
            guard let row = try Row.fetchOne(lookup, arguments: [result.payment]) else {
                refuse(.payment, "没有支付编号\(result.payment) (no payment \(result.payment))")
                continue
            }
            if let idNumber = result.idNumber, (row["id_number"] as String?) != idNumber.value {
                refuse(.idNumber, "身份证件号与支付\(result.payment)的学生不符 (the ID number is not payment \(result.payment)'s child's)")
                continue
            }
            if let amount = result.amountFen, amount != row["amount"] {
                refuse(.amount, "金额\(Fen.yuan(amount))元与支付\(result.payment)的\(Fen.yuan(row["amount"]))元不符 (amount differs from the payment's)")
                continue
            }
            guard result.outcome != .pending else {
                refuse(.outcome, "处理结果应为成功或失败 (outcome must be paid or failed)")
                continue
            }
            let state = PaymentState(rawValue: row["state"]) ?? .pending
            if state == result.outcome {
                report.unchanged += 1
                continue
            }
            guard state == .pending else {
                refuse(.outcome, "支付\(result.payment)已为“\(state.label(.zh))”，与“\(result.outcome.label(.zh))”矛盾，请与银行核对 (payment \(result.payment) is already \(state.label(.en)); check with the bank)")
                continue
            }
            try settle.execute(arguments: [result.outcome.rawValue, result.reason, (result.settledOn ?? today).description, result.payment])
            report.updated += 1
            touched.insert(ProgramTerm(program: row["program"], term: row["term"]))
            if result.outcome == .paid, let paid = try payment(db, id: result.payment) {
                _ = try Outbox.subsidy.append(db, type: SubsidyMessage.Event.paid, topic: "\(SubsidyMessage.Event.paid).\(paid.township)", body: paid, actor: nil)
            }
        }
        return (report, touched)
    }

    static func payment(_ row: Row) -> Payment {
        Payment(
            id: row["id"], student: Masking.studentNumber(row["student"]), studentName: row["student_name"] ?? "", township: row["township"],
            school: row["school"], grade: row["grade"], program: row["program"], term: Term(parsing: row["term"])!, amountFen: row["amount"],
            split: FundingSplit(central: row["central"], provincial: row["provincial"], county: row["county"]),
            state: PaymentState(rawValue: row["state"]) ?? .pending, batch: row["batch_id"], attempt: row["attempt"], reissueOf: row["reissue_of"],
            failure: row["failure"], settledOn: (row["settled_on"] as String?).flatMap(CivilDate.init(parsing:)), recordedAt: row["recorded_at"])
    }

    static func notFound(_ id: Int64) -> ServiceError {
        ServiceError(.subsidyPaymentNotFound, "没有支付编号\(id) (no payment \(id))")
    }
}
