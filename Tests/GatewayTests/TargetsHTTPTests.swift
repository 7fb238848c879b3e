import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// The targets and ledger routes over real HTTP, and the CSV export: what the document promises
/// (400 for a malformed request, 422 for a rule, 201 with the document) and what Excel needs.
@Suite struct TargetsHTTPTests {
    @Test func recordListScoreAndReportOverHTTP() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        _ = try await client.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv")
        // The monitor learns the schools from the registry's events.
        #expect(try await eventually { try await client.post("/api/v1/targets", body: Data(Self.form.utf8)).status != 422 })
        let duplicate = try await client.post("/api/v1/targets", body: Data(Self.form.utf8))
        #expect(duplicate.status == 422 && duplicate.text.contains("target.exists"))
        let replaced = try await client.post("/api/v1/targets", body: Data(Self.form.replacingOccurrences(of: "\"year\"", with: "\"replace\":true,\"year\"").utf8))
        #expect(replaced.status == 201)
        #expect(try replaced.json()["replaces"] as? Int != nil)

        let list = try await client.get("/api/v1/targets?year=\(Self.year)")
        #expect(list.status == 200 && list.text.contains("\"signedBy\":[\"李县长\",\"王镇长\"]"))
        let score = try await client.get("/api/v1/targets/score?year=\(Self.year)")
        #expect(score.status == 200)
        #expect((try score.json()["scores"] as? [Any])?.count == 1)
        let month = CivilMonth(Timestamp.todayInChina())
        let report = try await client.get("/api/v1/ledger/report?month=\(month)")
        #expect(try report.status == 200 && (report.json()["month"] as? String) == month.description)
        // The same report as a download for Excel: BOM, Chinese headers, CRLF, a Chinese file name.
        let file = try await client.get("/api/v1/ledger/report.csv?month=\(month)")
        #expect(file.status == 200)
        #expect(Array(file.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(file.headers.first { $0.key.lowercased() == "content-type" }?.value.hasPrefix("text/csv") == true)
        let disposition = file.headers.first { $0.key.lowercased() == "content-disposition" }?.value ?? ""
        #expect(disposition.contains("ledger-report-\(month).csv") && disposition.contains("filename*=UTF-8''%E5%8F%B0%E8%B4%A6%E6%9C%88%E6%8A%A5"), "\(disposition)")
        let text = String(decoding: file.body.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix(LedgerReportCSV.headers.joined(separator: ",") + "\r\n") && text.contains("合计"))
        #expect(try await client.get("/api/v1/ledger/report.csv?month=2026-13").status == 400)
        await gateway.stop()
    }

    /// This year's document for the fixture township, signed on 1 January (never in the future).
    static let year = Timestamp.todayInChina().year
    static let form = #"{"year":\#(year),"township":"\#(RosterFixtures.township)","maxDropouts":0,"minEnrolmentRate":100,"maxOpenCases":0,"signedBy":["李县长","王镇长"],"signedOn":"\#(year)-01-01"}"#

    /// What the gateway refuses itself, before the monitor is asked: in-process, no service.
    @Test func malformedRequestsAre400BeforeTheMonitorIsAsked() async throws {
        try await OfflineGateway().test { client in
            for path in ["/api/v1/targets?year=abc", "/api/v1/targets?year=", "/api/v1/targets?year=1999", "/api/v1/targets/score", "/api/v1/targets/score?year=20266",
                         "/api/v1/ledger/report", "/api/v1/ledger/report?month=2026-13", "/api/v1/ledger/report?month=2026-1", "/api/v1/ledger/report?month=2026-10&township=5"] {
                let reply = try await client.get(path)
                #expect(reply.status == 400, "\(path): \(reply.text)")
            }
            let null = try await client.post("/api/v1/targets", body: Data(Self.form.replacingOccurrences(of: "\"maxOpenCases\":0", with: "\"maxOpenCases\":null").utf8))
            #expect(null.status == 400, "an explicit null is a wrong type, not an absent field")
            let unknown = try await client.post("/api/v1/targets", body: Data(Self.form.replacingOccurrences(of: "\"year\"", with: "\"extra\":1,\"year\"").utf8))
            #expect(unknown.status == 400 && unknown.text.contains("request.unknownField"))
            let badDate = try await client.post("/api/v1/targets", body: Data(Self.form.replacingOccurrences(of: "\(Self.year)-01-01", with: "\(Self.year)-02-30").utf8))
            #expect(badDate.status == 422 && badDate.text.contains("signedOn"))
            #expect(try await client.send("DELETE", "/api/v1/targets/score", body: nil).status == 405)
        }
    }

    /// What the monitor refuses by rule: 422.
    @Test func rulesAre422() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        #expect(try await client.get("/api/v1/ledger/report?month=2100-01").text.contains("report.futureMonth"))
        let both = try await client.post("/api/v1/targets?lang=en", body: Data(Self.form.replacingOccurrences(of: "\"year\"", with: "\"school\":\"\(RosterFixtures.school)\",\"year\"").utf8))
        #expect(both.status == 422 && both.text.contains("target.invalid") && both.text.contains("exactly one of township"))
        await gateway.stop()
    }

    @Test func theCSVOpensInExcel() throws {
        let report = LedgerReport(
            month: CivilMonth(parsing: "2026-10")!, from: CivilDate(parsing: "2026-10-01")!, to: CivilDate(parsing: "2026-10-31")!, asOf: CivilDate(parsing: "2026-10-31")!,
            complete: true, township: nil, school: nil, total: LedgerCounts(openAtStart: 2, opened: 3, returned: 1, closed: 1, openAtEnd: 3), dropoutsOnRegister: 4,
            byTownship: [LedgerTownshipLine(township: "510123101", townshipName: "城关镇", counts: LedgerCounts(openAtStart: 1, opened: 2, returned: 1, openAtEnd: 2), dropoutsOnRegister: 2)],
            byCause: [LedgerCauseLine(cause: .weariness, counts: LedgerCounts(openAtStart: 2, closed: 1, openAtEnd: 1)), LedgerCauseLine(cause: nil, counts: LedgerCounts(opened: 1, openAtEnd: 1))])
        let data = LedgerReportCSV.data(report)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte order mark, so Excel reads UTF-8")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == LedgerReportCSV.headers.joined(separator: ","))
        #expect(Array(lines.dropFirst()) == [
            "2026-10,2026-10-31,合计,全部,,2,3,1,1,3,4",
            "2026-10,2026-10-31,按乡镇,510123101,城关镇,1,2,1,0,2,2",
            "2026-10,2026-10-31,按辍学原因,厌学,,2,0,0,1,1,",
            "2026-10,2026-10-31,按辍学原因,未填写原因,,0,1,0,0,1,",
        ])
        #expect(LedgerReportCSV.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(LedgerReportCSV.field("=1+1") == "'=1+1")
    }
}
