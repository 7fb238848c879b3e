import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The registry's request handlers: decode, run the store operation in a transaction (writes once
/// per request id), wake the publisher.
public struct RegistryService: Sendable {
    public static let version = "0.1.0"
    let database: DatabasePool
    let store: RegistryStore
    let publisher: EventPublisher
    let startedAt = Timestamp.now()
    /// The civil date "today", injectable for tests.
    let today: @Sendable () -> CivilDate

    public init(database: DatabasePool, store: RegistryStore, publisher: EventPublisher, today: @escaping @Sendable () -> CivilDate = Timestamp.todayInChina) {
        self.database = database
        self.store = store
        self.publisher = publisher
        self.today = today
    }

    public var router: RequestRouter {
        var router = RequestRouter()
        let database = self.database, store = self.store, publisher = self.publisher, today = self.today, startedAt = self.startedAt

        router.on(RegistryMessage.importSchools) { (batch: ImportSchoolsBatch, context) in
            try AccessScope(context.actor).requireCountyWrite()
            let report = try await RequestJournal.once(database, context: context) { db in
                var report = try store.importSchools(db, ImportBatch(rows: batch.rows), townshipNames: batch.townshipNames ?? [:], actor: context.actor)
                report.rejected = (batch.invalidRows + report.rejected).sorted { $0.row < $1.row }
                return report
            }
            await publisher.wake()
            return report
        }
        router.onRaw(RegistryMessage.importStudents) { envelope, context in
            try AccessScope(context.actor).requireCountyWrite()
            // The largest body the registry reads: parsed with JSONReader, not JSONDecoder.
            let batch: ImportBatch<StudentRecord>
            do {
                batch = try ImportBatch<StudentRecord>.read(json: envelope.body)
            } catch {
                throw ServiceError.malformed("body of \(RegistryMessage.importStudents): \(error)")
            }
            let plan = StudentImportPlan(batch)  // outside the write transaction, in parallel
            let report = try await RequestJournal.once(database, context: context) { db in
                try store.importStudents(db, plan, actor: context.actor)
            }
            await publisher.wake()
            return try Reply(report)
        }
        router.on(RegistryMessage.addStudent) { (request: AddStudentRequest, context) in
            let scope = AccessScope(context.actor)
            let detail = try await RequestJournal.once(database, context: context) { db in
                let township = try String.fetchOne(db, sql: "SELECT township FROM school WHERE code = ?", arguments: [request.record.schoolCode]) ?? ""
                try scope.requireStudentWrite(township: township, school: request.record.schoolCode)
                return try store.addStudent(db, request.record, documents: request.documents, date: request.date ?? today(), actor: context.actor)
            }
            await publisher.wake()
            return detail
        }
        router.on(RegistryMessage.changeStatus) { (request: StatusChangeRequest, context) in
            let event = try await RequestJournal.once(database, context: context) { db in
                try store.changeStatus(db, request, actor: context.actor, today: today(), scope: AccessScope(context.actor))
            }
            await publisher.wake()
            return event
        }
        router.on(RegistryMessage.getStudent) { (key: StudentKey, context) in
            let scope = AccessScope(context.actor)
            let detail = try await database.read { try store.detail($0, key: key.key) }
            // Out of scope and missing answer alike, so a township user cannot probe for children
            // of other townships.
            guard let detail, scope.reaches(township: detail.student.township, school: detail.student.record.schoolCode) else {
                if detail != nil { throw AccessScope.forbidden("查看该学生 (this student is outside your scope)") }
                throw scope.missing(ServiceError(code: "student.notFound", message: "未找到该学生 (no student with that ID or student number)"))
            }
            return detail
        }
        router.on(RegistryMessage.listStudents) { (query: StudentQuery, context) in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            return try await database.read { [scoped] in try store.students($0, scoped) }
        }
        router.on(RegistryMessage.listSchools) { (query: SchoolQuery, context) in
            let scope = AccessScope(context.actor)
            var scoped = query
            let (township, ownSchool) = try scope.narrow(township: query.township, school: nil)
            scoped.township = township
            let schools = try await database.read { [scoped] in try store.schools($0, scoped) }
            return ownSchool.map { own in schools.filter { $0.code == own } } ?? schools
        }
        router.on(RegistryMessage.listChanges) { (query: ChangeQuery, context) in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            return try await database.read { [scoped] in try store.changes($0, scoped) }
        }
        router.on(ServiceHealth.requestType) { (_: EmptyBody, _) in
            try await database.read { db in
                ServiceHealth(
                    service: "registry", version: RegistryService.version, pid: ProcessInfo.processInfo.processIdentifier,
                    startedAt: startedAt, lastSeq: try Outbox.lastSeq(db),
                    counts: [
                        "schools": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM school") ?? 0,
                        "students": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM student") ?? 0,
                        "changes": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM status_change") ?? 0,
                        "incompleteChanges": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM status_change WHERE complete = 0") ?? 0,
                    ])
            }
        }
        EventPublisher.registerReplay(publisher: "registry", on: &router, database: database)
        return router
    }
}
