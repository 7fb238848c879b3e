import Access
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The monitoring service's operations: absences, alerts, cases. Every write and every read of a
/// case file (a child's family, causes and visits) leaves an audit line.
public struct MonitorOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    /// Absence rows per import message.
    public var batchSize = 2_500

    // MARK: Absences

    public func reportAbsence(_ report: AbsenceReport, actor: Actor) async throws {
        _ = try await auditor.audited(actor, "absence.report", key: report.student, detail: { _ in "\(report.date) \(report.isUnexplained ? "unexplained" : "leave")" }, subject: { _ in auditor.subject(key: report.student) }) {
            try await clients.monitor.call(MonitorMessage.reportAbsence, report, actor: actor)
        }
    }

    /// A school's daily absence CSV (`学校标识码, 日期, 身份证件号, 缺课原因`), checked row by row
    /// here, recorded by the monitor; refused rows come back with their row and reason.
    public func importAbsences(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, "absences.import", detail: { $0.auditDetail }) {
            let monitor = clients.monitor
            let upload = BatchedUpload<AbsenceRow>(batchSize: batchSize, window: 1) { rows in
                try await monitor.call(MonitorMessage.importAbsences, AbsenceBatch(rows: rows), actor: actor, policy: .bulk)
            }
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .absences(), progress: progress)
        }
    }

    // MARK: Alerts (listed and acknowledged through ``AlertOperations``, as every service's)

    /// Runs the monitor's time rules now (they also run on a timer).
    /// Runs the time rules over every child now: county-wide work in one transaction, given the
    /// care sweep's budget rather than a single write's 15 s, which a busy host can exceed (the
    /// request then expires unapplied, decision 120).
    public func sweep(actor: Actor) async throws -> SweepReport {
        try await clients.monitor.call(MonitorMessage.sweep, SweepRequest(), actor: actor, policy: .init(timeout: .seconds(60), attempts: 2))
    }

    // MARK: Cases

    public func cases(_ query: CaseQuery, actor: Actor) async throws -> [CaseSummary] {
        try await clients.monitor.call(MonitorMessage.listCases, query, actor: actor)
    }

    public func caseFile(_ id: Int64, actor: Actor) async throws -> CaseFile {
        try await caseAction(actor, "case.read", id: id) {
            try await clients.monitor.call(MonitorMessage.getCase, RecordID(id: id), actor: actor)
        }
    }

    public func openCase(_ request: OpenCaseRequest, actor: Actor) async throws -> CaseFile {
        try await auditor.audited(actor, "case.open", key: request.student, detail: { "case \($0.summary.id)" }, subject: { _ in auditor.subject(key: request.student) }) {
            try await clients.monitor.call(MonitorMessage.openCase, request, actor: actor)
        }
    }

    public func assignCase(_ request: AssignCaseRequest, actor: Actor) async throws -> CaseFile {
        try await caseStep(MonitorMessage.assignCase, request, "case.assign", id: request.id, actor: actor)
    }

    public func planCase(_ request: PlanCaseRequest, actor: Actor) async throws -> CaseFile {
        try await caseStep(MonitorMessage.planCase, request, "case.plan", id: request.id, actor: actor)
    }

    public func recordVisit(_ request: VisitRequest, actor: Actor) async throws -> CaseFile {
        try await caseStep(MonitorMessage.recordVisit, request, "case.visit", id: request.id, actor: actor)
    }

    public func recordLegalStep(_ request: LegalStepRequest, actor: Actor) async throws -> CaseFile {
        try await caseStep(MonitorMessage.recordLegalStep, request, "case.step", id: request.id, actor: actor)
    }

    public func recordTeaching(_ request: TeachingRequest, actor: Actor) async throws -> CaseFile {
        try await caseStep(MonitorMessage.recordTeaching, request, "case.teach", id: request.id, actor: actor)
    }

    public func closeCase(_ request: CloseCaseRequest, actor: Actor) async throws -> CaseFile {
        try await caseStep(MonitorMessage.closeCase, request, "case.close", id: request.id, actor: actor)
    }

    /// One step of casework sent to the monitor, audited as `action`.
    private func caseStep<Request>(_ message: Message<Request, CaseFile>, _ request: Request, _ action: String, id: Int64, actor: Actor) async throws -> CaseFile {
        try await caseAction(actor, action, id: id) { try await clients.monitor.call(message, request, actor: actor) }
    }

    /// One audited action on a case: the line names the child by the case's masked label.
    private func caseAction(_ actor: Actor, _ action: String, id: Int64, _ body: () async throws -> CaseFile) async throws -> CaseFile {
        try await auditor.audited(actor, action, detail: { "case \($0.summary.id) \($0.summary.state.rawValue)" }, subject: { file in
            AuditSubject(label: "\(file.summary.studentName) \(file.summary.student)", references: [], township: file.summary.township, school: file.summary.school)
        }, body)
    }
}
