import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Registry

/// Year-end promotion (decision 83): every enrolled child up a grade, the last grade, grade 9
/// and 大班 graduate, each school once per school year, a dry run writing nothing.
@Suite struct PromotionTests {
    let database: DatabaseQueue
    let store = RegistryStore()
    let actor = Actor.localOperator()
    static let july = CivilDate(year: 2027, month: 7, day: 10)!
    static let primary = RosterFixtures.school, junior = "2510123401", kindergarten = "2510123101", nineYear = "2510123501"

    init() throws {
        database = try DatabaseQueue()
        try RegistrySchema.migrator.migrate(database)
        let schools = [
            SchoolRecord(code: Self.primary, name: "城关镇中心小学", type: .primary, township: RosterFixtures.township),
            SchoolRecord(code: Self.junior, name: "城关中学", type: .junior, township: RosterFixtures.township),
            SchoolRecord(code: Self.kindergarten, name: "城关镇中心幼儿园", type: .kindergarten, township: RosterFixtures.township),
            SchoolRecord(code: Self.nineYear, name: "金河九年一贯制学校", type: .nineYear, township: RosterFixtures.otherTownship),
        ]
        let actor = self.actor
        try database.write { db in
            _ = try RegistryStore().importSchools(db, ImportBatch(rows: schools.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
        }
        // (sequence, school, grade): one child per case the rule distinguishes.
        let children: [(Int, String, Int)] = [
            (1, Self.primary, 3), (2, Self.primary, 6), (3, Self.junior, 9), (4, Self.junior, 7),
            (5, Self.kindergarten, -2), (6, Self.kindergarten, 0), (7, Self.nineYear, 6), (8, Self.nineYear, 9), (9, Self.primary, 4),
        ]
        let records = try children.map { sequence, school, grade in
            let cells = RosterFixtures.studentRow(sequence, school: school).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var fields: [StudentField: String] = [:]
            for (field, cell) in zip(StudentField.ownLayout, cells) { fields[field] = cell }
            fields[.grade] = SchoolGrade.label(grade, .zh)
            var record = try StudentRecord.parse(fields).get()
            record.grade = grade
            return record
        }
        try database.write { db in
            let report = try RegistryStore().importStudents(db, ImportBatch(rows: records.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
            #expect(report.imported == 9, "\(report.rejected)")
            // Child 9 is suspended: they repeat the year they left.
            _ = try RegistryStore().changeStatus(db, StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 9), kind: .suspend, date: Self.july.adding(days: -30), documents: ["休学申请", "病历证明"]), actor: actor, today: Self.july)
        }
    }

    func child(_ sequence: Int) throws -> Student {
        try #require(try database.read { try store.detail($0, key: RosterFixtures.idNumber(sequence: sequence)) }).student
    }

    func promote(_ request: PromotionRequest, actor: Actor? = nil) throws -> PromotionReport {
        let actor = actor ?? self.actor
        let today = max(request.date, Self.july)
        return try database.write { try store.promote($0, request, actor: actor, today: today, scope: AccessScope(actor)) }
    }

    @Test func theCountyMovesUpAndItsLastGradesGraduate() throws {
        let dry = try promote(PromotionRequest(date: Self.july, dryRun: true))
        #expect(dry.schoolYear == 2026 && dry.promoted == 4 && dry.graduated == 4)
        #expect(try child(1).record.grade == 3, "a dry run writes nothing")

        let report = try promote(PromotionRequest(date: Self.july))
        #expect(report.promoted == dry.promoted && report.graduated == dry.graduated)
        #expect(try child(1).record.grade == 4 && child(4).record.grade == 8 && child(5).record.grade == -1 && child(7).record.grade == 7)
        #expect(try [2, 3, 6, 8].map { try child($0).status } == Array(repeating: .graduated, count: 4))
        #expect(try child(9).status == .suspended && child(9).record.grade == 4)
        // Graduations are ordinary changes; promotions are announced as updates.
        let detail = try #require(try database.read { try store.detail($0, key: RosterFixtures.idNumber(sequence: 3)) })
        #expect(detail.changes.last?.kind == .graduate && detail.changes.last?.date == Self.july)
        let updates = try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox WHERE topic LIKE ?", arguments: [RegistryMessage.Event.studentUpdated + ".%"]) }
        #expect(updates == 4, "one update per promoted child")

        // Again, for the county or one school: nothing moves twice, and the report says when it was done.
        let again = try promote(PromotionRequest(school: Self.primary, date: Self.july.adding(days: 60)))
        #expect(try child(1).record.grade == 4)
        #expect(again.schools.map(\.alreadyOn) == [Self.july] && again.schools[0].promoted == 1)
    }

    @Test func outOfSeasonFutureAndOutOfScopeAreRefused() throws {
        #expect(errorCode { _ = try promote(PromotionRequest(date: CivilDate(year: 2027, month: 3, day: 1)!)) } == "promotion.outOfSeason")
        #expect(errorCode { _ = try database.write { try store.promote($0, PromotionRequest(date: CivilDate(year: 2027, month: 8, day: 1)!), actor: actor, today: Self.july, scope: AccessScope(actor)) } } == "change.futureDate")
        let otherSchool = Actor(user: "li", role: "school-staff", school: Self.junior, via: "test")
        #expect(errorCode { _ = try promote(PromotionRequest(school: Self.primary, date: Self.july), actor: otherSchool) } == "scope.forbidden")
        let ownSchool = try promote(PromotionRequest(school: Self.junior, date: Self.july), actor: otherSchool)
        #expect(ownSchool.promoted == 1 && ownSchool.graduated == 1)
        #expect(try child(1).record.grade == 3, "no other school moved")
    }
}
