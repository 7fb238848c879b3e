import BaoxueContracts
import BaoxueSpreadsheet
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// Excel in and out through the real processes: the national export's workbook imported as it
/// comes (an `.xls` over HTTP, an `.xlsx` from the CLI, a named sheet), and every ledger downloaded
/// or written as a workbook that reads back with its text columns intact.
@Suite(.serialized) struct ExcelEndToEndTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../BaoxueCSVTests/Fixtures/\(name)"))
    }

    @Test func workbooksInAndOut() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        #expect(try await http.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv").status == 200)

        // An .xls over HTTP: four children, the sheet's own row numbers in the report.
        let xls = try await http.post("/api/v1/students/import?sheet=学生名单", body: try Self.fixture("messy-roster.xls"), contentType: "application/vnd.ms-excel")
        #expect(xls.status == 200, "\(xls.text)")
        #expect((try xls.json()["report"] as? [String: Any])?["imported"] as? Int == 4)
        #expect(try xls.json()["encoding"] as? String == "xls")
        // A sheet it does not have: 400, naming the sheets it has.
        let missing = try await http.post("/api/v1/students/import?sheet=Sheet9", body: try Self.fixture("messy-roster.xls"), contentType: "application/vnd.ms-excel")
        #expect(missing.status == 400 && missing.text.contains("sheet.notFound") && missing.text.contains("学生名单"))

        // The same roster as .xlsx from the CLI changes nothing: the same four, unchanged.
        let file = try cluster.directory.write("学生名单.xlsx", try Self.fixture("messy-roster.xlsx"))
        let cli = try await runProduct("baoxue", ["student", "import", file, "--json"] + cluster.gatewayFlags)
        #expect(cli.status == 0, "\(cli.stderr)")
        let report = try #require((try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])?["report"] as? [String: Any])
        #expect(report["unchanged"] as? Int == 4 && report["imported"] as? Int == 0, "\(report)")

        // A dropout, so the dropout ledger has a row; then the ledger as a workbook, both faces.
        let dropout = try await runProduct("baoxue", ["student", "change", RosterFixturesID.guli, "--kind", "辍学", "--cause", "厌学", "--documents", "学校报告"] + cluster.gatewayFlags)
        #expect(dropout.status == 0, "\(dropout.stderr)")
        try await cluster.operations.services.waitForMonitorToCatchUp(timeout: .seconds(30))
        let download = try await http.get("/api/v1/ledger/dropout.xlsx")
        #expect(download.status == 200)
        #expect(download.headers.first { $0.key.lowercased() == "content-type" }?.value.contains("spreadsheetml") == true)
        let sheet = try XLSXReader.read(download.body)
        #expect(sheet.rows.count == 2 && sheet.rows[1].contains("古丽·阿不都"), "\(sheet.rows)")
        #expect(!sheet.rows.joined().contains { $0.contains(try! Regex("^[0-9]{17}[0-9X]$")) }, "masked")

        let out = cluster.directory.file("辍学学生台账.xlsx")
        let written = try await runProduct("baoxue", ["ledger", "export", "--kind", "dropout", "--out", out] + cluster.gatewayFlags)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: out))).rows == sheet.rows)
        await cluster.stop()
    }
}

/// The fixture roster's children, as `Fixtures/make-fixtures.py` numbers them.
enum RosterFixturesID {
    static let guli = RosterFixtures.idNumber(birth: "20150302", sequence: 2)
}
