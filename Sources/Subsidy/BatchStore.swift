import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// Disbursement batches (发放批次): one program, one term, a scope and a date; a payment for every
/// eligible child the scope's schools held on that date and who has none yet, the others listed
/// with the reason. A batch works through the children in student-number order a slice at a time,
/// one transaction each, the last number and the counts moving with the slice: a batch stopped in
/// the middle keeps every slice it committed, and resumes after the last one.
///
/// What keeps a child from being paid twice is the database (``SubsidySchema``): a batch run
/// again, two batches at once, a slice applied again after a crash, all meet `payment_once`.
struct BatchStore: Sendable {
    let settings: SubsidySettings

    var payments: PaymentStore { PaymentStore() }

    /// The day a batch judges where children stand: its date, or the term's last day for a
    /// batch run after the term (a child who graduated in the summer was paid for the spring).
    static func effectiveDate(_ date: CivilDate, term: Term) -> CivilDate { min(date, term.end) }

    /// The batch a request makes, or the one it already made (a retry, the same request id).
    /// - Throws: `subsidy.badDate` for a date in the future or before the term begins;
    ///   `subsidy.unknownProgram`; `subsidy.invalid` for a school or township the replica does
    ///   not know.
    func begin(_ db: Database, _ request: DisbursementRequest, requestID: String, actor: Actor, today: CivilDate) throws -> Int64 {
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM batch WHERE request_id = ?"), arguments: [requestID]) {
            return existing
        }
        let program = try settings.program(request.program)
        let date = try Self.checkedDate(request, today: today)
        try checkPlace(db, township: request.township, school: request.school)
        try db.cachedStatement(sql: """
            INSERT INTO batch (request_id, term, program, township, school, batch_date, amount, central, provincial, county, placeholder, state, started_at, started_by, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)
            """).execute(arguments: [
                requestID, request.term.code, program.id, request.township, request.school, date.description, program.amountPerTerm,
                program.shares.central, program.shares.provincial, program.shares.county, program.placeholder, Timestamp.now(), actor.user,
                try WireCoding.encode(actor),
            ])
        return db.lastInsertedRowID
    }

    static func checkedDate(_ request: DisbursementRequest, today: CivilDate) throws(ServiceError) -> CivilDate {
        let date = request.date ?? today
        guard date <= today else {
            throw ServiceError(.subsidyBadDate, "发放日期\(date)晚于今天 (the batch date \(date) is after today)", problems: [FieldProblem(field: "date", reason: "not after today")])
        }
        guard date >= request.term.start else {
            throw ServiceError(.subsidyBadDate, "\(request.term.label(.zh))学期自\(request.term.start)起，发放日期\(date)在此之前 (the \(request.term.label(.en)) term begins on \(request.term.start); the batch date \(date) is before it)", problems: [FieldProblem(field: "date", reason: "on or after \(request.term.start)")])
        }
        return date
    }

    func checkPlace(_ db: Database, township: String?, school: String?) throws {
        if let school, try String.fetchOne(db.cachedStatement(sql: "SELECT township FROM school WHERE code = ?"), arguments: [school]) == nil {
            throw ServiceError(.subsidyInvalid, "学校\(school)不存在 (no school \(school))", problems: [FieldProblem(field: "school", reason: "unknown school")])
        }
        if let township, try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM school WHERE township = ?)"), arguments: [township]) != true {
            throw ServiceError(.subsidyInvalid, "乡镇\(township)没有学校 (no school in township \(township))", problems: [FieldProblem(field: "township", reason: "unknown township")])
        }
    }

    /// Works through the next slice of a running batch in the caller's transaction; returns
    /// whether the batch has more to do.
    ///
    /// A slice is set-based: one statement finds where each of its children stood on the batch
    /// date (``Standing``) into a temporary table, then one statement each counts those already
    /// paid, lists the excluded and inserts the payments. The temporary table lives on the
    /// writer's connection and is emptied at the start of every slice.
    func work(_ db: Database, batch id: Int64, now: String = Timestamp.now()) throws -> Bool {
        guard let batch = try BatchRow.fetch(db, id: id), batch.state == .running else { return false }
        let date = Self.effectiveDate(batch.date, term: batch.term)
        let filter = EligibilityFilter(program: batch.program(settings), term: batch.term, township: batch.township, school: batch.school, movedAfter: date)
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS batch_slice (id INTEGER NOT NULL, number TEXT, name TEXT, grade INTEGER, status TEXT, school TEXT, township TEXT, since TEXT, paid INTEGER)")
        try db.execute(sql: "DELETE FROM temp.batch_slice")
        let ids = filter.ids(after: batch.afterStudent, limit: settings.batchSize)
        try db.cachedStatement(sql: "INSERT INTO temp.batch_slice (\(Standing.columns)) \(Standing.sql(slice: ids.sql))")
            .execute(arguments: ids.arguments + Standing.arguments(date: date, program: batch.programID, term: batch.term, batch: id))
        let sliced = db.changesCount
        guard sliced > 0 else {
            return false
        }
        let last = try String.fetchOne(db, sql: "SELECT MAX(number) FROM temp.batch_slice") ?? batch.afterStudent
        // Only the children the scope's schools held on the batch date are this batch's.
        var scope = "1"
        var scopeArguments: StatementArguments = []
        if let school = batch.school { scope += " AND school = ?"; scopeArguments += [school] }
        if let township = batch.township { scope += " AND township = ?"; scopeArguments += [township] }
        let alreadyPaid = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM temp.batch_slice WHERE \(scope) AND paid = \(Standing.Paid.byAnother.rawValue)"), arguments: scopeArguments) ?? 0
        // An ``ExclusionReason`` is named like the status it stands for.
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO batch_exclusion (batch_id, student, reason, since)
            SELECT ?, number, status, since FROM temp.batch_slice WHERE \(scope) AND paid = \(Standing.Paid.no.rawValue) AND status != 'enrolled'
            """).execute(arguments: [id] + scopeArguments)
        let excluded = db.changesCount
        // Numbered by place and name within the slice, not by student number: a payment's id is
        // shown beside the masked number, and number order is birth-date order (decision 112).
        try db.cachedStatement(sql: """
            INSERT INTO payment (student, program, term, attempt, batch_id, township, school, grade, stage, amount, central, provincial, county, state, recorded_at)
            SELECT number, ?, ?, 1, ?, township, school, grade, ?, ?, ?, ?, ?, 'pending', ? FROM temp.batch_slice WHERE \(scope) AND paid = \(Standing.Paid.no.rawValue) AND status = 'enrolled'
            ORDER BY township, school, grade, name, number
            """).execute(arguments: [
                batch.programID, batch.term.code, id, filter.program.stage.rawValue, batch.amount.total, batch.amount.central, batch.amount.provincial,
                batch.amount.county, now,
            ] + scopeArguments)
        let paid = db.changesCount
        try db.cachedStatement(sql: """
            UPDATE batch SET after_student = ?, paid = paid + ?, already_paid = already_paid + ?, excluded = excluded + ? WHERE id = ?
            """).execute(arguments: [last, paid, alreadyPaid, excluded, id])
        return sliced == settings.batchSize
    }

    /// Marks a batch done. Its report is what the request answers.
    func finish(_ db: Database, batch id: Int64) throws {
        try db.cachedStatement(sql: "UPDATE batch SET state = 'done', finished_at = ? WHERE id = ? AND state = 'running'").execute(arguments: [Timestamp.now(), id])
    }

    /// Batches a stopped service left running, oldest first: resumed when it starts.
    func running(_ db: Database) throws -> [(id: Int64, requestID: String)] {
        try Row.fetchAll(db, sql: "SELECT id, request_id FROM batch WHERE state = 'running' ORDER BY id").map { ($0["id"], $0["request_id"]) }
    }

    /// What a batch would do, worked out in a read without recording anything.
    func dryRun(_ db: Database, _ request: DisbursementRequest, actor: Actor, today: CivilDate) throws -> BatchReport {
        let program = try settings.program(request.program)
        let date = try Self.checkedDate(request, today: today)
        try checkPlace(db, township: request.township, school: request.school)
        let effective = Self.effectiveDate(date, term: request.term)
        let filter = EligibilityFilter(program: program, term: request.term, township: request.township, school: request.school, movedAfter: effective)
        var report = BatchReport(
            id: nil, term: request.term, program: program.id, township: request.township, school: request.school, date: date, state: .dryRun,
            paid: 0, amountFen: 0, split: FundingSplit(), alreadyPaid: 0, excluded: 0, exclusions: [], startedAt: Timestamp.now(),
            startedBy: actor.user, finishedAt: nil, placeholderAmount: program.placeholder)
        let ids = filter.ids()
        let standings = try Row.fetchAll(db.cachedStatement(sql: Standing.sql(slice: ids.sql)), arguments: ids.arguments + Standing.arguments(date: effective, program: program.id, term: request.term, batch: 0))
        for standing in standings.map(Standing.init(row:)) where standing.within(township: request.township, school: request.school) {
            if standing.paid != .no {
                report.alreadyPaid += 1
            } else if let reason = ExclusionReason(status: standing.status) {
                report.excluded += 1
                report.exclusions.append(BatchExclusion(student: Masking.studentNumber(standing.number), name: standing.name, township: standing.township, school: standing.school, reason: reason, since: standing.since))
            } else {
                report.paid += 1
                report.amountFen += program.amountPerTerm
                report.split += program.shares
            }
        }
        // In the stored report's order: by name, never by student number (decision 112).
        report.exclusions.sort { ($0.township, $0.school, $0.name, $0.student) < ($1.township, $1.school, $1.name, $1.student) }
        return report
    }

    // MARK: Reading

    func report(_ db: Database, id: Int64, withExclusions: Bool) throws -> BatchReport? {
        guard let batch = try BatchRow.fetch(db, id: id) else { return nil }
        let sums = try Row.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(central), 0) AS central, COALESCE(SUM(provincial), 0) AS provincial, COALESCE(SUM(county), 0) AS county FROM payment WHERE batch_id = ? AND attempt = 1"), arguments: [id])!
        var exclusions: [BatchExclusion] = []
        if withExclusions {
            exclusions = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.student, e.reason, e.since, s.name, s.township, s.school FROM batch_exclusion e LEFT JOIN student s ON s.number = e.student
                WHERE e.batch_id = ? ORDER BY s.township, s.school, s.name, substr(e.student, 1, 7), substr(e.student, 16)
                """), arguments: [id]).map { row in
                BatchExclusion(
                    student: Masking.studentNumber(row["student"]), name: row["name"] ?? "", township: row["township"] ?? "", school: row["school"] ?? "",
                    reason: ExclusionReason(rawValue: row["reason"]) ?? .droppedOut, since: (row["since"] as String?).flatMap(CivilDate.init(parsing:)))
            }
        }
        return BatchReport(
            id: id, term: batch.term, program: batch.programID, township: batch.township, school: batch.school, date: batch.date,
            state: batch.state == .running ? .running : .done, paid: batch.paid, amountFen: sums["amount"],
            split: FundingSplit(central: sums["central"], provincial: sums["provincial"], county: sums["county"]), alreadyPaid: batch.alreadyPaid,
            excluded: batch.excluded, exclusions: exclusions, startedAt: batch.startedAt, startedBy: batch.startedBy, finishedAt: batch.finishedAt,
            placeholderAmount: batch.placeholder)
    }

    func list(_ db: Database, _ query: BatchQuery) throws -> [BatchReport] {
        var conditions: [String] = ["1"]
        var arguments: StatementArguments = []
        if let term = query.term { conditions.append("term = ?"); arguments += [term.code] }
        if let program = query.program { conditions.append("program = ?"); arguments += [program] }
        arguments += [min(max(query.limit, 1), 1_000)]
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM batch WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?", arguments: arguments)
        return try ids.compactMap { try report(db, id: $0, withExclusions: false) }
    }

    static func notFound(_ id: Int64) -> ServiceError {
        ServiceError(.subsidyBatchNotFound, "没有编号为\(id)的发放批次 (no batch \(id))")
    }
}
