import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// Through the gateway, as an operator imports: the national 学籍 export goes in as it comes,
/// and a file with a column the import does not know writes nothing (docs/imports.md).
@Suite struct NationalImportTests {
    static func fixture(_ name: String) throws -> Data {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: tests.appendingPathComponent("BaoxueCSVTests/Fixtures/\(name)"))
    }

    @Test func theNationalExportImportsAndAnUnknownColumnWritesNothing() async throws {
        let services = try await InProcessServices()
        let registry = services.operations.registry
        // The sample's school teaches grades 1–9, as a 九年一贯制 school does.
        let schools = RosterFixtures.schoolsCSV().replacingOccurrences(of: "城关镇中心小学,小学", with: "城关镇九年一贯制学校,九年一贯制")
        _ = try await registry.importSchools(Data(schools.utf8), actor: .localOperator())

        let national = try await registry.importStudents(try Self.fixture("national-students.xlsx"), actor: .localOperator())
        #expect(national.report.imported == 3 && national.report.rejected.isEmpty)
        #expect(national.unusedColumns.contains("民族") && national.ignoredColumns.isEmpty)
        let gulli = try await registry.student(RosterFixtures.idNumber(birth: "20130302", sequence: 2), actor: .localOperator()).student
        #expect(gulli.leftBehind == .bothParents && gulli.guardianName == "帕丽旦" && gulli.grade == 7, "stored as the export says, not as 非留守 without a guardian")

        // A look-alike column stops the file before any row is sent, with or without the flag.
        let lookalike = RosterFixtures.studentsHeader + ",是否留守\n" + RosterFixtures.studentRow(1) + ",双亲留守\n"
        for allow in [false, true] {
            #expect(await errorCode { _ = try await registry.importStudents(Data(lookalike.utf8), allowExtraColumns: allow, actor: .localOperator()) } == "csv.unknownColumns")
        }
        // Any other unknown column needs the operator's word.
        let extra = RosterFixtures.studentsHeader + ",爱好\n" + RosterFixtures.studentRow(1) + ",画画\n"
        #expect(await errorCode { _ = try await registry.importStudents(Data(extra.utf8), actor: .localOperator()) } == "csv.unknownColumns")
        #expect(try await registry.students(StudentQuery(), actor: .localOperator()).total == 3, "nothing written by the refused files")
        let allowed = try await registry.importStudents(Data(extra.utf8), allowExtraColumns: true, actor: .localOperator())
        #expect(allowed.report.imported == 1 && allowed.ignoredColumns == ["爱好"])
        await services.stop()
    }
}
