import Access
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The gateway's one core of operations: validate, call the services, shape the results, and
/// write the audit log. The CLI and the HTTP routes are two faces of these same calls, so neither
/// can skip the masking or the audit.
public struct Operations: Sendable {
    public let clients: ServiceClients
    /// Users, tokens and the audit log.
    public let access: AccessStore
    /// Rows per import message: each is one registry transaction, so larger batches amortise the
    /// commit; 2,500 measured fastest here (docs/performance.md) and a message stays ~2 MB.
    public var batchSize = 2_500
    /// Import batches in flight at once, so parsing, the wire and the registry's writes overlap.
    public var window = 3

    public init(clients: ServiceClients, access: AccessStore) {
        self.clients = clients
        self.access = access
    }

    // MARK: Schools

    public func importSchools(_ data: Data, encoding: TextEncoding? = nil, townshipNames: [String: String]? = nil, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await audited(actor, "schools.import", detail: { $0.auditDetail }) {
            try await importSchoolsFile(data, encoding: encoding, townshipNames: townshipNames, actor: actor, progress: progress)
        }
    }

    private func importSchoolsFile(_ data: Data, encoding: TextEncoding?, townshipNames: [String: String]?, actor: Actor, progress: ImportProgress?) async throws -> ImportOutcome {
        try AccessScope(actor).requireCountyWrite()
        let started = ContinuousClock.now
        let table = try readTable(SchoolField.self, data, encoding: encoding)
        var report = ImportReport()
        var rows: [NumberedRow<SchoolRecord>] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            if let problem = row.problem {
                report.rejected.append(RowProblem(row: row.row, column: nil, reason: problem))
                continue
            }
            switch SchoolRecord.parse(row.fields) {
            case .failure(let problems):
                report.rejected += problems.problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
            case .success(let school):
                if let first = seen[school.code] {
                    report.rejected.append(RowProblem(row: row.row, column: SchoolField.code.header, reason: "与第\(first)行重复 (duplicate of row \(first))"))
                    continue
                }
                seen[school.code] = row.row
                rows.append(NumberedRow(row: row.row, record: school))
            }
        }
        for start in stride(from: 0, to: rows.count, by: batchSize) {
            let batch = ImportSchoolsBatch(rows: Array(rows[start..<min(start + batchSize, rows.count)]), townshipNames: townshipNames)
            report.merge(try await clients.registry.call(RegistryMessage.importSchools, batch, actor: actor, policy: .bulk))
            progress?(min(start + batchSize, rows.count), rows.count)
        }
        report.rejected.sort { $0.row < $1.row }
        return ImportOutcome(report: report, encoding: table.encoding?.rawValue ?? "utf-8", ignoredColumns: table.ignoredHeaders, rows: table.rows.count, seconds: (ContinuousClock.now - started).seconds)
    }

    public func schools(township: String? = nil, actor: Actor) async throws -> [School] {
        try await clients.registry.call(RegistryMessage.listSchools, SchoolQuery(township: township), actor: actor)
    }

    // MARK: Students

    /// Imports a students file: every row checked here (format, ID checksum, agreement with the
    /// ID, duplicates within the file), good rows sent in batches, the registry's own refusals
    /// (unknown school, conflicting identities) merged in. Re-importing the same file changes
    /// nothing: rows are upserted by ID number, then student number.
    public func importStudents(_ data: Data, encoding: TextEncoding? = nil, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await audited(actor, "students.import", detail: { $0.auditDetail }) {
            try await importStudentsFile(data, encoding: encoding, actor: actor, progress: progress)
        }
    }

    private func importStudentsFile(_ data: Data, encoding: TextEncoding?, actor: Actor, progress: ImportProgress?) async throws -> ImportOutcome {
        // Refused before the file is read: the registry refuses each batch too, but a viewer
        // should not wait for a 100,000-row file to be parsed to hear no.
        try AccessScope(actor).requireCountyWrite()
        let started = ContinuousClock.now
        let table = try readTable(StudentField.self, data, encoding: encoding)
        let total = table.rows.count
        var checker = StudentRowChecker()
        var report = ImportReport()
        var position = 0
        var done = 0
        let registry = clients.registry
        // Rows are checked a batch at a time while earlier batches are on the wire and in the
        // registry, so parsing overlaps the registry's writes instead of preceding them.
        func nextBatch() -> ImportBatch<StudentRecord>? {
            while position < total {
                let slice = table.rows[position..<min(position + batchSize, total)]
                position += slice.count
                let (rows, rejected) = checker.check(slice)
                report.rejected += rejected
                done += rejected.count
                if !rows.isEmpty { return ImportBatch(rows: rows) }
            }
            return nil
        }
        try await withThrowingTaskGroup(of: (Int, ImportReport).self) { group in
            func submit() {
                guard let batch = nextBatch() else { return }
                group.addTask {
                    (batch.rows.count, try await registry.call(RegistryMessage.importStudents, batch, actor: actor, policy: .bulk))
                }
            }
            for _ in 0..<window { submit() }
            while let (count, batchReport) = try await group.next() {
                report.merge(batchReport)
                done += count
                progress?(done, total)
                submit()
            }
        }
        report.rejected.sort { $0.row < $1.row }
        return ImportOutcome(report: report, encoding: table.encoding?.rawValue ?? "utf-8", ignoredColumns: table.ignoredHeaders, rows: total, seconds: (ContinuousClock.now - started).seconds)
    }

    public func addStudent(_ request: AddStudentRequest, actor: Actor) async throws -> StudentFile {
        let detail = try await audited(actor, "student.add", key: request.record.idNumber?.value ?? request.record.studentNumber.value, subject: { access.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.addStudent, request, actor: actor)
        }
        return StudentFile(detail, masked: Self.seesMasked(actor))
    }

    /// One student's full record and history: the single-record view, masked for viewers, and
    /// written to the audit log (refusals too) before it is returned.
    public func student(_ key: String, actor: Actor) async throws -> StudentFile {
        let detail = try await audited(actor, "student.read", key: key, subject: { access.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.getStudent, StudentKey(key: key), actor: actor)
        }
        return StudentFile(detail, masked: Self.seesMasked(actor))
    }

    /// A page of students, masked.
    public func students(_ query: StudentQuery, actor: Actor) async throws -> StudentSheetPage {
        StudentSheetPage(try await clients.registry.call(RegistryMessage.listStudents, query, actor: actor))
    }

    public func changeStatus(_ request: StatusChangeRequest, actor: Actor) async throws -> StatusChangedEvent {
        try await audited(actor, "student.change", key: request.student, detail: { $0.change.kind.rawValue }, subject: { access.subject($0.student) }) {
            try await clients.registry.call(RegistryMessage.changeStatus, request, actor: actor)
        }
    }

    /// Status changes, newest first, with student numbers masked (a list).
    public func changes(_ query: ChangeQuery, actor: Actor) async throws -> [StatusChange] {
        try await clients.registry.call(RegistryMessage.listChanges, query, actor: actor).map(\.masked)
    }

    /// Whether `actor` sees masked values even in a single record: viewers always do.
    static func seesMasked(_ actor: Actor) -> Bool {
        Role(rawValue: actor.role) == .viewer
    }

    // MARK: Services

    /// Each service's health, or why it did not answer; the data counts only for county-wide
    /// roles.
    public func servicesStatus(actor: Actor) async -> [ServiceProbe] {
        let probes = await probeServices(actor: actor)
        return Role(rawValue: actor.role)?.isCountyWide == true ? probes : probes.map(\.withoutCounts)
    }

    private func probeServices(actor: Actor) async -> [ServiceProbe] {
        await withTaskGroup(of: (Int, ServiceProbe).self) { group in
            for (index, service) in clients.all.enumerated() {
                group.addTask {
                    let started = ContinuousClock.now
                    do {
                        let health: ServiceHealth = try await service.client.call(ServiceMessage.status, EmptyBody(), actor: actor, policy: .init(timeout: .seconds(2), attempts: 1))
                        return (index, ServiceProbe(service: service.name, endpoint: service.client.endpoint, health: health, milliseconds: (ContinuousClock.now - started).seconds * 1000, error: nil))
                    } catch {
                        return (index, ServiceProbe(service: service.name, endpoint: service.client.endpoint, health: nil, milliseconds: nil, error: "\(error)"))
                    }
                }
            }
            var probes: [(Int, ServiceProbe)] = []
            for await probe in group { probes.append(probe) }
            return probes.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    // MARK: Audit

    /// Runs `body` and writes one audit line: `ok` with the subject the result names, or the
    /// refusal's code (`scope.forbidden`, `student.notFound`, …) with the key the caller gave.
    /// A read is returned only once its line is written.
    func audited<Value: Sendable>(
        _ actor: Actor, _ action: String, key: String? = nil, detail: (Value) -> String? = { _ in nil },
        subject: (Value) -> AuditSubject? = { _ in nil }, _ body: () async throws -> Value
    ) async throws -> Value {
        let value: Value
        do {
            value = try await body()
        } catch let error as ServiceError where error.isRefusal {
            try await access.record(actor, action: action, outcome: error.code.rawValue, subject: key.map(access.subject(key:)))
            throw error
        }
        try await access.record(actor, action: action, subject: subject(value), detail: detail(value))
        return value
    }

    // MARK: Helpers

    func readTable<Column: ImportColumn>(_ column: Column.Type, _ data: Data, encoding: TextEncoding?) throws -> Table<Column> {
        do {
            return try Table<Column>.read(data, encoding: encoding)
        } catch {
            throw error.serviceError
        }
    }
}
