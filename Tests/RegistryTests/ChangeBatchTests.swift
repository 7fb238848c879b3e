import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Registry

/// Many changes in one request (decision 109): applied in order, a refused row alone rolled back
/// and reported, a dry run answering the same and keeping nothing.
@Suite struct ChangeBatchTests {
    let database: DatabaseQueue
    let store = RegistryStore()
    let actor = Actor.localOperator()
    static let today = CivilDate(year: 2026, month: 11, day: 20)!

    init() throws {
        database = try DatabaseQueue()
        try RegistrySchema.migrator.migrate(database)
        let actor = self.actor
        let schools = [
            SchoolRecord(code: RosterFixtures.school, name: "城关镇中心小学", type: .primary, township: RosterFixtures.township),
            SchoolRecord(code: RosterFixtures.otherSchool, name: "金河小学", type: .primary, township: RosterFixtures.otherTownship),
        ]
        let records = try (1...3).map { sequence in
            let cells = RosterFixtures.studentRow(sequence).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var fields: [StudentField: String] = [:]
            for (field, cell) in zip(StudentField.ownLayout, cells) { fields[field] = cell }
            return try StudentRecord.parse(fields).get()
        }
        try database.write { db in
            _ = try RegistryStore().importSchools(db, ImportBatch(rows: schools.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
            let report = try RegistryStore().importStudents(db, ImportBatch(rows: records.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
            #expect(report.imported == 3, "\(report.rejected)")
        }
    }

    static func batch(dryRun: Bool) -> ChangeBatch {
        let key = { RosterFixtures.idNumber(sequence: $0) }
        return ChangeBatch(rows: [
            NumberedRow(row: 2, record: StatusChangeRequest(student: key(1), kind: .transferOut, date: today, documents: ["转学申请", "接收证明"], toSchool: RosterFixtures.otherSchool)),
            // Sees the row before it: child 1 is waiting to be received.
            NumberedRow(row: 3, record: StatusChangeRequest(student: key(1), kind: .transferIn, date: today, documents: ["转出证明"], toSchool: RosterFixtures.otherSchool)),
            // Refused: an enrolled child cannot return.
            NumberedRow(row: 4, record: StatusChangeRequest(student: key(2), kind: .return, date: today, documents: ["劝返销号记录"])),
            NumberedRow(row: 5, record: StatusChangeRequest(student: key(3), kind: .dropOut, date: today, documents: ["学校报告"], causes: [.work])),
        ], dryRun: dryRun)
    }

    func statuses() throws -> [StudentStatus] {
        try database.read { db in try (1...3).map { try store.detail(db, key: RosterFixtures.idNumber(sequence: $0))!.student.status } }
    }

    @Test func rowsApplyInOrderAndARefusedRowStandsAlone() throws {
        let store = self.store, actor = self.actor
        let planned = try database.write { db in try store.changeBatch(db, Self.batch(dryRun: true), actor: actor, today: Self.today, scope: AccessScope(actor)) }
        #expect(planned.imported == 3 && planned.rejected.map(\.row) == [4])
        #expect(try statuses() == [.enrolled, .enrolled, .enrolled], "a dry run keeps nothing")
        let outboxAfterDryRun = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }

        let report = try database.write { db in try store.changeBatch(db, Self.batch(dryRun: false), actor: actor, today: Self.today, scope: AccessScope(actor)) }
        #expect(report == planned, "the dry run said what the run did")
        #expect(try statuses() == [.enrolled, .enrolled, .droppedOut])
        let moved = try database.read { db in try store.detail(db, key: RosterFixtures.idNumber(sequence: 1))!.student.record.schoolCode }
        #expect(moved == RosterFixtures.otherSchool)
        // Three changes, three events.
        let events = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 } - outboxAfterDryRun
        #expect(events == 3)
    }

    @Test func aSchoolMayNotChangeAnotherSchoolsChildren() throws {
        let store = self.store
        let school = Actor(user: "li", role: "school-staff", school: RosterFixtures.otherSchool, via: "test")
        let report = try database.write { db in try store.changeBatch(db, Self.batch(dryRun: false), actor: school, today: Self.today, scope: AccessScope(school)) }
        #expect(report.imported == 0 && report.rejected.count == 4)
        #expect(try statuses() == [.enrolled, .enrolled, .enrolled])
    }
}
