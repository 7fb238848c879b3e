import Access
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// Student aid (资助): programs, the offices' family rosters, eligibility, disbursement batches and
/// their payments, the bank's results, coverage ("不漏一人") and the year's totals. Every write is
/// audited, and so is every read of one child's aid (the full record); lists come masked from
/// the subsidy service.
public struct SubsidyOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    let monitor: MonitorOperations
    /// Roster batches in flight at once, as for the household roster.
    public var window = 3

    var subsidy: RequestClient { clients.subsidy }

    public func programs(actor: Actor) async throws -> [SubsidyProgram] {
        try await subsidy.call(SubsidyMessage.listPrograms, EmptyBody(), actor: actor)
    }

    // MARK: Rosters

    /// Imports one office's family roster: opened, rows checked here (ID checksum, category of
    /// that office's lists, township code, a person twice on one list) and sent in batches, then
    /// applied as of its date. A file with refused rows adds the families it names but takes no
    /// one off a list (a refused row may be a family still on it). County roles only.
    public func importRoster(_ data: Data, start: FamilyRosterStart, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, actor: Actor, batchSize: Int = FamilyRosterBatch.recommendedSize, progress: ImportProgress? = nil) async throws -> FamilyRosterUpload {
        try await auditor.audited(actor, "subsidy.roster.import", detail: { "\($0.roster.source.rawValue) \($0.roster.listedOn), \($0.outcome.auditDetail), matched \($0.roster.matched), left \($0.roster.left)" }) {
            try AccessScope(actor).requireCountyWrite()
            // The file is read before anything is opened: a file that is no table opens no import.
            let table = try Table<FamilyRosterField>.upload(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns)
            let started = ContinuousClock.now
            let subsidy = self.subsidy
            let opened = try await subsidy.call(SubsidyMessage.beginRoster, start, actor: actor)
            let upload = BatchedUpload<FamilyRosterRow>(batchSize: batchSize, window: window) { rows in
                try await subsidy.call(SubsidyMessage.importRosterRows, FamilyRosterBatch(importID: opened.id, rows: rows), actor: actor, policy: .bulk)
            }
            var checker = RowChecker<FamilyRosterField, FamilyRosterRow>.familyRoster(source: start.source)
            checker.reserve(rows: table.rows.count)
            let report = try await upload.run(table.rows, checker: checker, progress: progress)
            let applied = try await subsidy.call(
                SubsidyMessage.finishRoster, FamilyRosterFinish(importID: opened.id, complete: report.rejected.isEmpty), actor: actor, policy: .init(timeout: .seconds(120), attempts: 2))
            return FamilyRosterUpload(roster: applied, outcome: ImportOutcome(report, table: table, started: started))
        }
    }

    public func rosters(_ query: FamilyRosterQuery, actor: Actor) async throws -> [FamilyRosterImport] {
        try await subsidy.call(SubsidyMessage.listRosters, query, actor: actor)
    }

    /// People on a current list whom no school holds, masked.
    public func unmatched(_ query: UnmatchedQuery, actor: Actor) async throws -> [UnmatchedPerson] {
        try await subsidy.call(SubsidyMessage.listUnmatched, query, actor: actor)
    }

    // MARK: Eligibility, batches, payments

    public func eligible(_ query: EligibilityQuery, actor: Actor) async throws -> EligibilityPage {
        try await subsidy.call(SubsidyMessage.listEligible, query, actor: actor, policy: .init(timeout: .seconds(60), attempts: 2))
    }

    /// Runs (or, with `dryRun`, works out) a batch. A county's batch takes seconds; the call waits
    /// up to five minutes, and a retry carries the same request id, so it answers the same batch
    /// (resumed if the service restarted) instead of starting another. Audited, dry runs too.
    public func disburse(_ request: DisbursementRequest, actor: Actor) async throws -> BatchReport {
        let action = request.dryRun ? "subsidy.disburse.dryRun" : "subsidy.disburse"
        return try await auditor.audited(actor, action, detail: { "\($0.program) \($0.term.code) batch \($0.id.map(String.init) ?? "-"), paid \($0.paid), \($0.amountFen) fen, excluded \($0.excluded)" }) {
            try await subsidy.call(SubsidyMessage.runBatch, request, actor: actor, policy: .init(timeout: .seconds(300), attempts: 3))
        }
    }

    public func batches(_ query: BatchQuery, actor: Actor) async throws -> [BatchReport] {
        try await subsidy.call(SubsidyMessage.listBatches, query, actor: actor)
    }

    /// One batch with its exclusions (within the caller's scope), masked.
    public func batch(_ id: Int64, actor: Actor) async throws -> BatchReport {
        try await subsidy.call(SubsidyMessage.getBatch, RecordID(id: id), actor: actor)
    }

    /// Payments, masked. Listing one child's (by ID or student number) is a read of that child's
    /// record, and audited under them.
    public func payments(_ query: PaymentQuery, actor: Actor) async throws -> [Payment] {
        guard let key = query.student else { return try await subsidy.call(SubsidyMessage.listPayments, query, actor: actor) }
        return try await auditor.audited(actor, "subsidy.payments.read", key: key, detail: { "payments \($0.count)" }, subject: { _ in auditor.subject(key: key) }) {
            try await subsidy.call(SubsidyMessage.listPayments, query, actor: actor)
        }
    }

    public func reissue(_ request: PaymentReissue, actor: Actor) async throws -> Payment {
        try await auditor.audited(actor, "subsidy.reissue", detail: { "payment \(request.id) → \($0.id), \(request.note)" }, subject: { Self.subject($0) }) {
            try await subsidy.call(SubsidyMessage.reissuePayment, request, actor: actor)
        }
    }

    /// Imports a bank's result file: rows checked here (the reference, the outcome, a failure's
    /// reason, amounts read as text into fen), sent in batches; a row applied twice changes
    /// nothing. County roles only.
    public func importBankResults(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, "subsidy.bank.import", detail: { $0.auditDetail }) {
            try AccessScope(actor).requireCountyWrite()
            let subsidy = self.subsidy
            let upload = BatchedUpload<BankResultRow>(batchSize: 5_000, window: 1) { rows in
                try await subsidy.call(SubsidyMessage.importBankResults, ImportBatch(rows: rows), actor: actor, policy: .bulk)
            }
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .bankResults(), progress: progress)
        }
    }

    // MARK: Coverage, totals, one child

    public func coverage(_ query: CoverageQuery, actor: Actor) async throws -> CoverageReport {
        try await subsidy.call(SubsidyMessage.coverage, query, actor: actor, policy: .init(timeout: .seconds(60), attempts: 2))
    }

    public func totals(_ query: TotalsQuery, actor: Actor) async throws -> SubsidyTotals {
        try await subsidy.call(SubsidyMessage.totals, query, actor: actor, policy: .init(timeout: .seconds(60), attempts: 2))
    }

    /// One child's lists, programs and payments: a full-record read, audited (refusals too).
    public func child(_ key: String, actor: Actor) async throws -> ChildSubsidy {
        try await auditor.audited(actor, "subsidy.read", key: key, subject: { _ in auditor.subject(key: key) }) {
            try await subsidy.call(SubsidyMessage.child, StudentKey(key: key), actor: actor)
        }
    }

    /// A case file with the child's aid beside it when the plan has the 资助转介 measure (the
    /// subsidy part of `case show` and `GET /cases/{id}`): the child is found by the name and
    /// masked number the case carries. A subsidy service that does not answer, or knows no such
    /// child, leaves the part out rather than the case unread; a read is audited.
    /// The child's aid for their case file (``CaseView``) when the plan has the 资助转介 measure;
    /// nil without it, when the subsidy service knows no such child, or does not answer.
    func aid(for file: CaseFile, actor: Actor) async throws -> ChildSubsidy? {
        guard file.summary.measures.contains(.subsidyReferral) else { return nil }
        let key = MaskedChildKey(student: file.summary.student, name: file.summary.studentName, school: file.summary.school)
        let aid: ChildSubsidy
        do {
            aid = try await subsidy.call(SubsidyMessage.matchChild, key, actor: actor, policy: .init(timeout: .seconds(3), attempts: 1))
        } catch let error as ServiceError where error.code == .subsidyStudentNotFound || error.kind == .unavailable {
            return nil
        }
        try await auditor.record(actor, action: "subsidy.read", subject: AuditSubject(label: "\(aid.name) \(aid.student)", references: [], township: aid.township, school: aid.school), detail: "case \(file.summary.id)")
        return aid
    }

    /// The child a payment names, as an audit line names them (masked label only: the payment
    /// carries no full number).
    static func subject(_ payment: Payment) -> AuditSubject {
        AuditSubject(label: "\(payment.studentName) \(payment.student)", references: [], township: payment.township, school: payment.school)
    }
}
