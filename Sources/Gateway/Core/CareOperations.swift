import Access
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The care service's operations (关爱): the left-behind ledger, homes, surrogate parents and
/// their contacts, wishes, activities, notices, gaps and figures. Every write and every full read
/// of a child's care record leaves an audit line; lists come masked from the service; a viewer's
/// single record is masked here.
public struct CareOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    let monitor: MonitorOperations
    /// Ledger rows per import message: each is one care transaction.
    public var batchSize = 2_500
    /// Import batches in flight at once.
    public var window = 2

    var care: RequestClient { clients.client(.care) }

    // MARK: The ledger

    /// Records (or replaces) a child's family situation.
    public func recordChild(_ request: LedgerEntryRequest, actor: Actor) async throws -> LedgerEntry {
        try await auditor.audited(actor, "care.ledger.record", key: request.student, detail: { "\($0.state.rawValue) \($0.reasons.map(\.rawValue).joined(separator: ","))" }, subject: { subject(request.student, $0.studentName, $0.student, $0.township, $0.school) }) {
            try await care.call(CareMessage.recordChild, request, actor: actor)
        }
    }

    /// Imports civil affairs' ledger (CSV, `.xlsx` or `.xls`; `sheet` picks a worksheet): every row checked here (by header, the same encodings and
    /// row-level refusals as the other imports), good rows sent in batches; the care service
    /// refuses rows whose child it does not know or whose name differs from the registry's.
    /// County roles only.
    public func importLedger(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, "care.ledger.import", detail: { $0.auditDetail }) {
            try AccessScope(actor).requireCountyWrite()
            let care = self.care
            let upload = BatchedUpload<LedgerImportRow>(batchSize: batchSize, window: window) { rows in
                try await care.call(CareMessage.importLedger, ImportBatch(rows: rows), actor: actor, policy: .bulk)
            }
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .careLedger(), progress: progress)
        }
    }

    /// The ledger within the caller's scope, phones masked.
    public func ledger(_ query: LedgerQuery, actor: Actor) async throws -> [LedgerEntry] {
        try await care.call(CareMessage.listLedger, query, actor: actor)
    }

    /// Children the schools flagged as left behind who are not on the ledger, and why.
    public func flagged(_ query: CareScopeQuery, actor: Actor) async throws -> [FlaggedChild] {
        try await care.call(CareMessage.flagged, query, actor: actor)
    }

    /// The ledger as a table for Excel, masked; the audit line says how many rows left.
    public func exportLedger(_ query: LedgerQuery, actor: Actor) async throws -> CareLedgerTable {
        try await auditor.audited(actor, "care.ledger.export", detail: { "rows \($0.rows.count)" }) {
            try await care.call(CareMessage.exportLedger, query, actor: actor, policy: .bulk)
        }
    }

    /// One child's care record in full: audited, masked for viewers.
    public func child(_ key: String, actor: Actor) async throws -> CareRecord {
        let record = try await auditor.audited(actor, "care.read", key: key, subject: { subject(key, $0.entry.studentName, $0.entry.student, $0.entry.township, $0.entry.school) }) {
            try await care.call(CareMessage.getChild, CareChildKey(student: key), actor: actor)
        }
        return RegistryOperations.seesMasked(actor) ? record.maskedCopy : record
    }

    /// A case file with the child's care record beside it (the care section of `case show` and
    /// `GET /cases/{id}`): the child is found by the name and masked number the case carries.
    /// The care record is read, and audited, only when there is one; a care service that does not
    /// answer leaves the section out rather than the case unread.
    /// The child's care record for their case file (``CaseView``), when they are on the ledger;
    /// nil when not, or when the care service does not answer (the case file still shows).
    func record(for file: CaseFile, actor: Actor) async throws -> CareRecord? {
        let key = MaskedChildKey(student: file.summary.student, name: file.summary.studentName, school: file.summary.school)
        let record: CareRecord
        do {
            record = try await care.call(CareMessage.matchChild, key, actor: actor, policy: .init(timeout: .seconds(3), attempts: 1))
        } catch let error as ServiceError where error.code == .careChildNotFound || error.code == .careNotInLedger || error.kind == .unavailable {
            return nil
        }
        try await auditor.record(actor, action: "care.read", subject: AuditSubject(label: "\(record.entry.studentName) \(record.entry.student)", references: [], township: record.entry.township, school: record.entry.school), detail: "case \(file.summary.id)")
        return RegistryOperations.seesMasked(actor) ? record.maskedCopy : record
    }

    // MARK: Homes, surrogate parents, contacts

    public func recordHome(_ request: HomeRequest, actor: Actor) async throws -> Home {
        try await auditor.audited(actor, "care.home.record", detail: { "\($0.school) \($0.name)" }) {
            try await care.call(CareMessage.recordHome, request, actor: actor)
        }
    }

    public func homes(_ query: CareScopeQuery, actor: Actor) async throws -> [Home] {
        try await care.call(CareMessage.listHomes, query, actor: actor)
    }

    public func registerSurrogate(_ request: SurrogateRequest, actor: Actor) async throws -> Surrogate {
        try await auditor.audited(actor, "care.surrogate.register", detail: { "surrogate \($0.id) \($0.kind.rawValue) \($0.township)" }) {
            try await care.call(CareMessage.registerSurrogate, request, actor: actor)
        }
    }

    public func surrogates(_ query: CareScopeQuery, actor: Actor) async throws -> [Surrogate] {
        try await care.call(CareMessage.listSurrogates, query, actor: actor)
    }

    public func assign(_ request: AssignmentRequest, actor: Actor) async throws -> Assignment {
        try await auditor.audited(actor, "care.assign", key: request.student, detail: { "surrogate \($0.surrogate)" }, subject: { subject(request.student, $0.studentName, $0.student, nil, nil) }) {
            try await care.call(CareMessage.assign, request, actor: actor)
        }
    }

    public func endAssignment(_ request: AssignmentEnd, actor: Actor) async throws -> Assignment {
        try await auditor.audited(actor, "care.unassign", key: request.student, detail: { "surrogate \($0.surrogate)" }, subject: { subject(request.student, $0.studentName, $0.student, nil, nil) }) {
            try await care.call(CareMessage.endAssignment, request, actor: actor)
        }
    }

    public func logContact(_ request: ContactRequest, actor: Actor) async throws -> Activity {
        try await auditor.audited(actor, "care.contact", key: request.student, detail: { "\($0.way?.rawValue ?? "") \($0.date)" }, subject: { subject(request.student, $0.children.first?.name ?? "", $0.children.first?.student ?? "", $0.township, $0.school) }) {
            try await care.call(CareMessage.logContact, request, actor: actor)
        }
    }

    // MARK: Wishes

    public func postWish(_ request: WishRequest, actor: Actor) async throws -> Wish {
        try await auditor.audited(actor, "care.wish.post", key: request.student, detail: { "wish \($0.id)" }, subject: { subject(request.student, $0.studentName, $0.student, $0.township, $0.school) }) {
            try await care.call(CareMessage.postWish, request, actor: actor)
        }
    }

    public func claimWish(_ request: WishClaim, actor: Actor) async throws -> Wish {
        try await wishStep(CareMessage.claimWish, request, "care.wish.claim", actor: actor)
    }

    public func fulfilWish(_ request: WishFulfilment, actor: Actor) async throws -> Wish {
        try await wishStep(CareMessage.fulfilWish, request, "care.wish.fulfil", actor: actor)
    }

    public func withdrawWish(_ request: WishWithdrawal, actor: Actor) async throws -> Wish {
        try await wishStep(CareMessage.withdrawWish, request, "care.wish.withdraw", actor: actor)
    }

    /// One step of a wish's life, audited under the child the wish is for.
    private func wishStep<Request>(_ message: Message<Request, Wish>, _ request: Request, _ action: String, actor: Actor) async throws -> Wish {
        try await auditor.audited(actor, action, detail: { "wish \($0.id) \($0.state.rawValue)" }, subject: { AuditSubject(label: "\($0.studentName) \($0.student)", references: [], township: $0.township, school: $0.school) }) {
            try await care.call(message, request, actor: actor)
        }
    }

    public func wishes(_ query: WishQuery, actor: Actor) async throws -> [Wish] {
        try await care.call(CareMessage.listWishes, query, actor: actor)
    }

    /// The donor view: nothing personal, so not audited.
    public func donorWishes(_ query: WishQuery, actor: Actor) async throws -> [DonorWish] {
        try await care.call(CareMessage.donorWishes, query, actor: actor)
    }

    // MARK: Activities, notices, gaps, figures

    public func recordActivity(_ request: ActivityRequest, actor: Actor) async throws -> Activity {
        try await auditor.audited(actor, "care.activity.record", detail: { "activity \($0.id) \($0.kind.rawValue) children \($0.children.count)" }) {
            try await care.call(CareMessage.recordActivity, request, actor: actor)
        }
    }

    public func activities(_ query: ActivityQuery, actor: Actor) async throws -> [Activity] {
        try await care.call(CareMessage.listActivities, query, actor: actor)
    }

    public func activitySummary(_ query: ActivitySummaryQuery, actor: Actor) async throws -> [ActivityCount] {
        try await care.call(CareMessage.activitySummary, query, actor: actor)
    }

    public func notices(_ query: NoticeQuery, actor: Actor) async throws -> [Notice] {
        try await care.call(CareMessage.listNotices, query, actor: actor)
    }

    public func gaps(_ query: CareScopeQuery, actor: Actor) async throws -> CareGaps {
        try await care.call(CareMessage.gaps, query, actor: actor)
    }

    public func figures(_ query: CareFiguresQuery, actor: Actor) async throws -> CareFigures {
        try await care.call(CareMessage.figures, query, actor: actor)
    }

    /// Runs the care rules now (they also run on a timer). County roles only.
    public func sweep(actor: Actor) async throws -> CareSweepReport {
        try await auditor.audited(actor, "care.sweep", detail: { "left \($0.left), opened \($0.opened), resolved \($0.resolved)" }) {
            try await care.call(CareMessage.sweep, EmptyBody(), actor: actor, policy: .init(timeout: .seconds(60), attempts: 2))
        }
    }

    /// The child a care write names: the masked label the reply gives, and the keyed reference of
    /// the number the caller typed, so `audit list --student` finds it.
    private func subject(_ key: String, _ name: String, _ masked: String, _ township: String?, _ school: String?) -> AuditSubject {
        var subject = auditor.subject(key: key)
        subject.label = "\(name) \(masked)"
        subject.township = township
        subject.school = school
        return subject
    }
}
