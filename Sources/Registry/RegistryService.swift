import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB

/// The registry's request handlers: authorise by the actor, run the store operation in a
/// transaction (writes once per request id, through the kit), wake the publisher.
public struct RegistryService: Sendable {
    let kit: ServiceKit
    let store: RegistryStore
    /// The civil date "today", injectable for tests.
    let today: @Sendable () -> CivilDate

    public init(kit: ServiceKit, store: RegistryStore, today: @escaping @Sendable () -> CivilDate = Timestamp.todayInChina) {
        self.kit = kit
        self.store = store
        self.today = today
    }

    public var router: RequestRouter {
        var router = RequestRouter()
        let kit = self.kit, store = self.store, today = self.today

        router.on(RegistryMessage.importSchools) { batch, context in
            try AccessScope(context.actor).requireCountyWrite()
            return try await kit.write(context) { db in
                var report = try store.importSchools(db, ImportBatch(rows: batch.rows), townshipNames: batch.townshipNames ?? [:], actor: context.actor)
                report.rejected = (batch.invalidRows + report.rejected).sorted { $0.row < $1.row }
                return report
            }
        }
        router.on(RegistryMessage.importStudents) { batch, context in
            try AccessScope(context.actor).requireCountyWrite()
            let plan = StudentImportPlan(batch)  // outside the write transaction, in parallel
            return try await kit.write(context) { db in try store.importStudents(db, plan, actor: context.actor) }
        }
        router.on(RegistryMessage.addStudent) { request, context in
            let scope = AccessScope(context.actor)
            return try await kit.write(context) { db in
                try scope.requireStudentWrite(township: try store.township(db, ofSchool: request.record.schoolCode) ?? "", school: request.record.schoolCode)
                return try store.addStudent(db, request.record, documents: request.documents, date: request.date ?? today(), fromOutsideCounty: request.fromOutsideCounty, actor: context.actor)
            }
        }
        router.on(RegistryMessage.changeStatus) { request, context in
            try await kit.write(context) { db in
                try store.changeStatus(db, request, actor: context.actor, today: today(), scope: AccessScope(context.actor))
            }
        }
        router.on(RegistryMessage.changeBatch) { batch, context in
            try await kit.write(context) { db in
                try store.changeBatch(db, batch, actor: context.actor, today: today(), scope: AccessScope(context.actor))
            }
        }
        router.on(RegistryMessage.addDocuments) { request, context in
            try await kit.write(context) { db in try store.addDocuments(db, request, actor: context.actor, scope: AccessScope(context.actor)) }
        }
        router.on(RegistryMessage.promote) { request, context in
            let scope = AccessScope(context.actor)
            var scoped = request
            (scoped.township, scoped.school) = try scope.narrow(township: request.township, school: request.school)
            return try await kit.write(context) { [scoped] db in try store.promote(db, scoped, actor: context.actor, today: today(), scope: scope) }
        }
        router.on(RegistryMessage.getStudent) { key, context in
            let scope = AccessScope(context.actor)
            let detail = try await kit.read { try store.detail($0, key: key.key) }
            // Out of scope and missing answer alike, word for word (decision 113), so a township
            // user cannot probe for children of other townships.
            guard let detail else { throw scope.missing(ServiceError(.studentNotFound, "未找到该学生 (no student with that ID or student number)")) }
            try scope.requireReach(township: detail.student.township, school: detail.student.record.schoolCode)
            return detail
        }
        router.on(RegistryMessage.listStudents) { query, context in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            return try await kit.read { [scoped] in try store.students($0, scoped) }
        }
        router.on(RegistryMessage.listSchools) { query, context in
            let scope = AccessScope(context.actor)
            var scoped = query
            let (township, ownSchool) = try scope.narrow(township: query.township, school: nil)
            scoped.township = township
            let schools = try await kit.read { [scoped] in try store.schools($0, scoped) }
            return ownSchool.map { own in schools.filter { $0.code == own } } ?? schools
        }
        router.on(RegistryMessage.listChanges) { query, context in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            return try await kit.read { [scoped] in try store.changes($0, scoped) }
        }
        router.on(RegistryMessage.tallyChanges) { query, context in
            var scoped = query
            (scoped.township, scoped.school) = try AccessScope(context.actor).narrow(township: query.township, school: query.school)
            return try await kit.read { [scoped] in try store.tally($0, scoped) }
        }
        return router
    }
}
