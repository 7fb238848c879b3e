import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The gateway's one core of operations: validate, call the services, shape the results. The CLI
/// and the HTTP routes are two faces of these same calls.
public struct Operations: Sendable {
    public let clients: ServiceClients
    /// Rows per import message: each is one registry transaction, so larger batches amortise the
    /// commit; 2,500 measured fastest here (docs/performance.md) and a message stays ~2 MB.
    public var batchSize = 2_500
    /// Import batches in flight at once, so parsing, the wire and the registry's writes overlap.
    public var window = 3

    public init(clients: ServiceClients) {
        self.clients = clients
    }

    // MARK: Schools

    public func importSchools(_ data: Data, encoding: TextEncoding? = nil, townshipNames: [String: String]? = nil, actor: Actor, progress: ImportProgress? = nil) async throws -> ImportOutcome {
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
            report.merge(try await clients.registry.call(RegistryMessage.importSchools, batch, as: ImportReport.self, actor: actor, policy: .bulk))
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
                    (batch.rows.count, try await registry.call(RegistryMessage.importStudents, batch, as: ImportReport.self, actor: actor, policy: .bulk))
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

    public func addStudent(_ request: AddStudentRequest, actor: Actor) async throws -> StudentDetail {
        try await clients.registry.call(RegistryMessage.addStudent, request, actor: actor)
    }

    /// One student's full record and history: the single-record view.
    public func student(_ key: String, actor: Actor) async throws -> StudentDetail {
        try await clients.registry.call(RegistryMessage.getStudent, StudentKey(key: key), actor: actor)
    }

    /// A page of students, masked.
    public func students(_ query: StudentQuery, actor: Actor) async throws -> StudentSummaryPage {
        StudentSummaryPage(try await clients.registry.call(RegistryMessage.listStudents, query, as: StudentPage.self, actor: actor))
    }

    public func changeStatus(_ request: StatusChangeRequest, actor: Actor) async throws -> StatusChangedEvent {
        try await clients.registry.call(RegistryMessage.changeStatus, request, actor: actor)
    }

    public func changes(_ query: ChangeQuery, actor: Actor) async throws -> [StatusChange] {
        try await clients.registry.call(RegistryMessage.listChanges, query, actor: actor)
    }

    // MARK: Services

    /// Each service's health, or why it did not answer.
    public func servicesStatus(actor: Actor) async -> [ServiceProbe] {
        let started = ContinuousClock.now
        do {
            let health: ServiceHealth = try await clients.registry.call(ServiceHealth.requestType, EmptyBody(), actor: actor, policy: .init(timeout: .seconds(2), attempts: 1))
            return [ServiceProbe(service: "registry", endpoint: clients.registry.endpoint, health: health, milliseconds: (ContinuousClock.now - started).seconds * 1000, error: nil)]
        } catch {
            return [ServiceProbe(service: "registry", endpoint: clients.registry.endpoint, health: nil, milliseconds: nil, error: "\(error)")]
        }
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
