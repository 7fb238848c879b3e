import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// The report routes over real HTTP, as a client that only read the OpenAPI document would use
/// them: a figure entered, refused, cleared; the summary as JSON, Markdown and Word; the KPI sheet
/// as a CSV file for Excel.
@Suite struct ReportsHTTPTests {
    @Test func enterFiguresAndDownloadTheSummaryAndKPIs() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        _ = try await client.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv")
        let year = Timestamp.todayInChina().year

        let entered = try await client.send("PUT", "/api/v1/reports/inputs/\(year)/newTeachers", body: Data(#"{"value":"１，３５０","note":"人社局"}"#.utf8))
        let enteredValue = try entered.json()["value"] as? String
        #expect(entered.status == 200 && enteredValue == "1350", "\(entered.text)")
        #expect(try await client.send("PUT", "/api/v1/reports/inputs/\(year)/newTeachers", body: Data(#"{"value":"很多"}"#.utf8)).status == 422)
        #expect(try await client.send("PUT", "/api/v1/reports/inputs/\(year)/noSuchKey", body: Data(#"{"value":"1"}"#.utf8)).status == 400)
        let township = client.with(token: try gateway.registry.token(.townshipStaff))
        let refused = try await township.send("PUT", "/api/v1/reports/inputs/\(year)/newTeachers", body: Data(#"{"value":"1"}"#.utf8))
        #expect(refused.status == 403 && refused.text.contains("scope.forbidden"))
        let listed = try await township.get("/api/v1/reports/inputs?year=\(year)")
        #expect(listed.status == 200 && listed.text.contains("\"value\":\"1350\""))
        let audit = try await client.with(token: try gateway.registry.token(.countyAdmin)).get("/api/v1/audit?action=report.input")
        #expect(audit.text.contains("newTeachers: — → 1350"), "\(audit.text)")

        let summary = try await client.get("/api/v1/reports/summary?year=\(year)")
        #expect(summary.status == 200, "\(summary.text)")
        let json = try summary.json()
        #expect(json["year"] as? Int == year && json["changes"] != nil && json["monitor"] != nil && json["aid"] != nil && json["care"] != nil)
        let markdown = try await client.get("/api/v1/reports/summary.md?year=\(year)")
        #expect(markdown.status == 200 && markdown.headers["content-type"]?.hasPrefix("text/markdown") == true)
        #expect(markdown.text.contains("\(year)年控辍保学工作总结") && markdown.text.contains("新补充教师1350人（录入）") && !markdown.text.contains("XX"))
        let english = try await client.get("/api/v1/reports/summary.md?year=\(year)&lang=en")
        #expect(english.text.contains("new teachers: 1350 people (entered)"), "\(english.text)")
        let word = try await client.get("/api/v1/reports/summary.docx?year=\(year)")
        #expect(word.status == 200 && Array(word.body.prefix(2)) == [0x50, 0x4B])
        #expect(word.headers["content-disposition"]?.contains("summary-\(year).docx") == true)

        let kpis = try await client.get("/api/v1/reports/kpis.csv?year=\(year)")
        #expect(kpis.status == 200 && Array(kpis.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: kpis.body.dropFirst(3), as: UTF8.self).hasPrefix(KPICSV.headers.joined(separator: ",") + "\r\n"))
        let sheet = try await township.get("/api/v1/reports/kpis?year=\(year)")
        let firstLevel = (try sheet.json()["lines"] as? [[String: Any]])?.first?["level"] as? String
        #expect(sheet.status == 200 && firstLevel == "township", "\(sheet.text)")
        #expect(try await client.get("/api/v1/reports/summary?year=1999").status == 400)
        #expect(try await client.get("/api/v1/reports/summary").status == 400)

        #expect(try await client.send("DELETE", "/api/v1/reports/inputs/\(year)/newTeachers", body: nil).status == 204)
        let again = try await client.send("DELETE", "/api/v1/reports/inputs/\(year)/newTeachers", body: nil)
        #expect(again.status == 404 && again.text.contains("report.inputNotFound"))
        await gateway.stop()
    }
}
