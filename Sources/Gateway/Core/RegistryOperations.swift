import Access
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The registry's operations: schools, students and their status changes. Full-record reads and
/// every write leave an audit line; lists are masked.
public struct RegistryOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    /// Rows per import message: each is one registry transaction, so larger batches amortise the
    /// commit; 2,500 measured fastest here (docs/performance.md), and a message of students is
    /// about 0.55 MB as a table (decision 159).
    public var batchSize = 2_500
    /// Import batches in flight at once, so parsing, the wire and the registry's writes overlap.
    /// Six, not three: the registry's group commit takes every batch waiting into one round and
    /// answers them together, so with three in flight its writer sat idle after each commit until
    /// the next batch had been parsed here and read there; with six, a round is always waiting
    /// (11–19% more rows a second end to end, decision 144).
    public var window = 6

    // MARK: Schools

    /// Imports a schools file (`学校标识码, 学校名称, 学校类型, 乡镇区划代码`): rows upserted by code.
    /// County roles only.
    public func importSchools(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, townshipNames: [String: String]? = nil, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, "schools.import", detail: { $0.auditDetail }) {
            try AccessScope(actor).requireCountyWrite()
            let registry = clients.registry
            let upload = BatchedUpload<SchoolRecord>(batchSize: batchSize, window: 1) { rows in
                try await registry.call(RegistryMessage.importSchools, ImportSchoolsBatch(rows: rows, townshipNames: townshipNames), actor: actor, policy: .bulk)
            }
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .schools(), progress: progress)
        }
    }

    public func schools(township: String? = nil, actor: Actor) async throws -> [School] {
        try await clients.registry.call(RegistryMessage.listSchools, SchoolQuery(township: township), actor: actor)
    }

    // MARK: Students

    /// Imports a students file: every row checked here (format, ID checksum, agreement with the
    /// ID, duplicates within the file), good rows sent in batches, the registry's own refusals
    /// (unknown school, conflicting identities) merged in. Re-importing the same file changes
    /// nothing: rows are upserted by ID number, then student number. A school-sized file goes in
    /// paced parts (``pacedImportRows``, decision 142), a county's at full speed.
    public func importStudents(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, "students.import", detail: { $0.auditDetail }) {
            // Refused before the file is read: the registry refuses each batch too, but a viewer
            // should not wait for a 100,000-row file to be parsed to hear no.
            try AccessScope(actor).requireCountyWrite()
            let registry = clients.registry
            var upload = BatchedUpload<StudentRecord>(batchSize: batchSize, window: window) { rows in
                try await registry.call(RegistryMessage.importStudents, ImportBatch(rows: rows), actor: actor, policy: .bulk)
            }
            upload.paced = .init(upTo: pacedImportRows, part: importPart, follower: FollowerPacing(registry: registry, monitor: clients.monitor))
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .students(), progress: progress)
        }
    }

    /// A students file of at most this many rows (a school's, even a large one's) goes in parts
    /// of ``importPart`` rows, each after the monitor has taken in the part before, so that a
    /// school joining the register mid-term does not hold up everyone's alerts (decision 142). A
    /// larger file, a county's first load or a new year's roster, goes at full speed.
    public var pacedImportRows = 5_000
    /// Rows a request of a paced students file: about 10 ms of the monitor's work.
    public var importPart = 100

    /// Rows of a file of changes per request when it is applied (decision 139): each part is one
    /// registry transaction of a few milliseconds, sent once the monitor has applied the part
    /// before, so a school's file never holds up the alerts of everyone else's changes.
    public var changeBatchPart = 25

    /// Many status changes from one file (CSV, `.xlsx` or `.xls`: `ChangeField`'s columns), every
    /// row checked here as `student change` checks one, then sent as journaled requests that the
    /// registry applies row by row, refusing a row alone: ``changeBatchPart`` rows a request, in
    /// order, each after the monitor has caught up with the one before (``FollowerPacing``). A
    /// dry run goes as one request of up to 5,000 rows, so that later rows see earlier ones
    /// before anything is kept; it answers the same report and keeps nothing. Audited once for
    /// the file.
    public func changeBatch(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, dryRun: Bool = false, today: CivilDate = Timestamp.todayInChina(), actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, dryRun ? "student.changeBatch.dryRun" : "student.changeBatch", detail: { $0.auditDetail }) {
            let registry = clients.registry
            var upload = BatchedUpload<StatusChangeRequest>(batchSize: ChangeBatch.maximumRows, window: 1) { rows in
                var report = try await registry.call(RegistryMessage.changeBatch, ChangeBatch(rows: rows, dryRun: dryRun), actor: actor, policy: .bulk)
                // The registry names the request's field; the person reads the file's column.
                for index in report.rejected.indices {
                    report.rejected[index].column = report.rejected[index].column.flatMap { ChangeField(requestField: $0)?.header } ?? report.rejected[index].column
                }
                return report
            }
            if !dryRun {
                upload.paced = .init(upTo: .max, part: changeBatchPart, follower: FollowerPacing(registry: registry, monitor: clients.monitor))
            }
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .changes(today: today), progress: progress)
        }
    }

    public func addStudent(_ request: AddStudentRequest, actor: Actor) async throws -> StudentFile {
        let detail = try await auditor.audited(actor, "student.add", key: request.record.idNumber?.value ?? request.record.studentNumber.value, subject: { auditor.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.addStudent, request, actor: actor)
        }
        return StudentFile(detail, masked: Self.seesMasked(actor))
    }

    /// One student's full record and history: the single-record view, masked for viewers, and
    /// written to the audit log (refusals too) before it is returned.
    public func student(_ key: String, actor: Actor) async throws -> StudentFile {
        let detail = try await auditor.audited(actor, "student.read", key: key, subject: { auditor.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.getStudent, StudentKey(key: key), actor: actor)
        }
        return StudentFile(detail, masked: Self.seesMasked(actor))
    }

    /// A page of students, masked by the registry (decision 141).
    public func students(_ query: StudentQuery, actor: Actor) async throws -> StudentSheetPage {
        try await clients.registry.call(RegistryMessage.listStudents, query, actor: actor)
    }

    /// The same page as the registry wrote it, for the HTTP answer: a list is passed on, not
    /// read and written again (decision 141).
    public func studentsJSON(_ query: StudentQuery, actor: Actor) async throws -> Data {
        try await clients.registry.relay(RegistryMessage.listStudents, query, actor: actor)
    }

    public func changeStatus(_ request: StatusChangeRequest, actor: Actor) async throws -> StatusChangedEvent {
        try await auditor.audited(actor, "student.change", key: request.student, detail: { $0.change.kind.rawValue }, subject: { auditor.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.changeStatus, request, actor: actor)
        }
    }

    /// Documents handed in after a change; audited as a write on the child.
    public func addDocuments(_ request: ChangeDocumentsRequest, actor: Actor) async throws -> StatusChangedEvent {
        try await auditor.audited(actor, "student.documents", detail: { "change \($0.change.id): missing \($0.change.missingDocuments.count)" }, subject: { auditor.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.addDocuments, request, actor: actor)
        }
    }

    /// Year-end promotion and graduation for a school, a township or the county; audited with its
    /// counts (a dry run too, since it reads every child in scope).
    public func promote(_ request: PromotionRequest, actor: Actor) async throws -> PromotionReport {
        try await auditor.audited(actor, request.dryRun ? "student.promote.dryRun" : "student.promote", key: nil, detail: { "school year \($0.schoolYear): promoted \($0.promoted), graduated \($0.graduated), schools \($0.schools.count)" }) {
            try await clients.registry.call(RegistryMessage.promote, request, actor: actor, policy: .init(timeout: .seconds(120), attempts: 1))
        }
    }

    /// Status changes, newest first, with student numbers masked (a list).
    public func changes(_ query: ChangeQuery, actor: Actor) async throws -> [StatusChange] {
        try await clients.registry.call(RegistryMessage.listChanges, query, actor: actor).map(\.masked)
    }

    /// Township names as the registry knows them (other services' replicas hold codes only).
    /// Best effort: a report with codes alone is still worth having when the registry is slow or
    /// down.
    func townshipNames(actor: Actor) async -> [String: String] {
        let schools = try? await clients.registry.call(RegistryMessage.listSchools, SchoolQuery(), actor: actor, policy: .init(timeout: .seconds(2), attempts: 1))
        var names: [String: String] = [:]
        for school in schools ?? [] { if let name = school.townshipName { names[school.township] = name } }
        return names
    }

    /// Whether `actor` sees masked values even in a single record: viewers always do.
    static func seesMasked(_ actor: Actor) -> Bool {
        Role(rawValue: actor.role) == .viewer
    }
}
