import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

/// Graduating a year group in one command, as a county operator does in July, across the real
/// processes: a dry run, the promotion, and a second run that moves no one.
@Suite struct PromotionEndToEndTests {
    @Test func aYearGroupMovesUpInOneCommandAndOnlyOnce() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let sixth = RosterFixtures.studentRow(3).replacingOccurrences(of: ",5,1班,", with: ",6,1班,")
        let csv = ([RosterFixtures.studentsHeader] + [RosterFixtures.studentRow(1), RosterFixtures.studentRow(2), sixth]).joined(separator: "\n")
        _ = try await operations.registry.importStudents(Data(csv.utf8), actor: .localOperator())

        // A township official may not move a school's register.
        let township = http.with(token: try operations.accessStore.add(NewUserFixture.township()).token)
        #expect(try await township.post("/api/v1/students/promote", body: Data(#"{"date": "2026-07-10"}"#.utf8)).status == 403)

        let dry = try await runProduct("baoxue", ["student", "promote", "--date", "2026-07-10", "--dry-run", "--json"] + cluster.gatewayFlags)
        #expect(dry.status == 0, "\(dry.stderr)")
        let dryReport = try JSONDecoder().decode(PromotionReport.self, from: Data(dry.stdout.utf8))
        #expect(dryReport.promoted == 2 && dryReport.graduated == 1 && dryReport.schoolYear == 2025)

        let run = try await runProduct("baoxue", ["student", "promote", "--date", "2026-07-10"] + cluster.gatewayFlags)
        #expect(run.status == 0 && run.stdout.contains("升级2人，毕业1人"), "\(run.stdout)\(run.stderr)")
        let promoted = try await operations.registry.student(RosterFixtures.idNumber(sequence: 1), actor: .localOperator())
        #expect(promoted.student.grade == 6)
        let graduate = try await operations.registry.student(RosterFixtures.idNumber(sequence: 3), actor: .localOperator())
        #expect(graduate.student.status == .graduated)

        let again = try await runProduct("baoxue", ["student", "promote", "--date", "2026-07-20", "--lang", "en"] + cluster.gatewayFlags)
        #expect(again.status == 0 && again.stdout.contains("done on 2026-07-10"), "\(again.stdout)")
        #expect(try await operations.registry.student(RosterFixtures.idNumber(sequence: 1), actor: .localOperator()).student.grade == 6)
        await cluster.stop()
    }
}
