import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// The cross-check through the real processes: the registry, the monitor following it and the
/// HTTP gateway, each its own process, as a county operator and a township would use them.
@Suite(.serialized) struct CrosscheckEndToEndTests {
    static let gb18030 = String.Encoding(rawValue: 0x80000632)

    static func hasFullIDNumber(_ text: String) -> Bool { text.contains(try! Regex("[0-9]{17}[0-9Xx]")) }

    @Test func rosterImportRunListVerifyAndLedgerOverHTTP() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)

        // Given a county with five registered children,
        #expect(try await http.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv").status == 200)
        #expect(try await http.post("/api/v1/students/import", body: Data(RosterFixtures.studentsCSV(1...5).utf8), contentType: "text/csv").status == 200)
        try await cluster.operations.services.waitForMonitorToCatchUp(timeout: .seconds(30))

        // when public security's roster (GB18030, CRLF) names them and two children the registry
        // does not know, one of school age and one of four,
        let rows = (1...5).map { "儿童\($0),\(RosterFixtures.idNumber(sequence: $0)),\(RosterFixtures.township)201,家长,13800001111" }
            + ["古丽·阿不都,\(RosterFixtures.idNumber(sequence: 6)),\(RosterFixtures.township)202,阿不都,13900002222",
               "小五,\(RosterFixtures.idNumber(birth: "20220301", sequence: 7)),\(RosterFixtures.township)202,,"]
        let csv = (["姓名,身份证件号,户籍地区划代码,监护人姓名,监护人电话"] + rows).joined(separator: "\r\n") + "\r\n"
        let imported = try await http.post("/api/v1/roster/import", body: try #require(csv.data(using: Self.gb18030)), contentType: "text/csv")
        #expect(imported.status == 200, "\(imported.text)")
        #expect((try imported.json()["report"] as? [String: Any])?["imported"] as? Int == 7)
        #expect(try imported.json()["encoding"] as? String == "gb18030")

        // then the cross-check finds the one child of school age,
        let run = try await http.post("/api/v1/crosscheck/run", body: Data())
        #expect(run.status == 200, "\(run.text)")
        #expect((try run.json()["byReason"] as? [String: Any])?["rosterNotEnrolled"] as? Int == 1)
        #expect(try run.json()["opened"] as? Int == 1)

        // lists them masked, with a rule-5 alert for the township,
        let list = try await http.get("/api/v1/crosscheck?township=\(RosterFixtures.township)")
        #expect(list.status == 200)
        let suspects = try #require(try JSONSerialization.jsonObject(with: list.body) as? [[String: Any]])
        #expect(suspects.count == 1 && suspects.first?["studentName"] as? String == "古丽·阿不都")
        #expect(list.text.contains("510123********") && !Self.hasFullIDNumber(list.text))
        #expect(try await http.get("/api/v1/crosscheck?reason=").status == 400, "an empty filter is refused, never ignored")
        #expect(try await http.get("/api/v1/crosscheck?township=5101").status == 400)
        let alerts = try await cluster.operations.clients.monitor.call(MonitorMessage.listAlerts, AlertQuery(rule: .crosscheckSuspect), actor: .localOperator())
        #expect(alerts.map(\.studentName) == ["古丽·阿不都"] && alerts.first?.township == RosterFixtures.township)
        let id = try #require(suspects.first?["id"] as? Int)

        // refuses a verification without the proof it needs, accepts one with it,
        let noProof = try await http.post("/api/v1/crosscheck/\(id)/verify", body: Data(#"{"category":"enrolledElsewhere"}"#.utf8))
        #expect(noProof.status == 422 && noProof.text.contains("crosscheck.proofRequired"))
        let verified = try await http.post("/api/v1/crosscheck/\(id)/verify", body: Data(#"{"category":"enrolledElsewhere","proof":"昆明市某小学接收证明"}"#.utf8))
        #expect(verified.status == 200, "\(verified.text)")
        #expect(try verified.json()["state"] as? String == "verified")
        #expect(try await http.post("/api/v1/crosscheck/\(id)/verify", body: Data(#"{"category":"overAge"}"#.utf8)).status == 422)
        #expect(try await http.post("/api/v1/crosscheck/99999/verify", body: Data(#"{"category":"overAge"}"#.utf8)).status == 404)

        // and exports the ledgers as CSVs Excel opens: a BOM, CRLF, Chinese headers, masked.
        let ledger = try await http.get("/api/v1/ledger/suspect.csv")
        #expect(ledger.status == 200)
        #expect(Array(ledger.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(ledger.headers.first { $0.key.lowercased() == "content-type" }?.value.hasPrefix("text/csv") == true)
        let text = String(decoding: ledger.body.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("疑似编号,姓名,身份证件号") && text.contains("\r\n") && text.contains("县外在读") && !Self.hasFullIDNumber(text))
        let schoolAge = try await http.get("/api/v1/ledger/school-age.csv?township=\(RosterFixtures.township)")
        #expect(schoolAge.status == 200 && String(decoding: schoolAge.body, as: UTF8.self).components(separatedBy: "\r\n").count == 8, "a header, six children of school age and the end")

        // The CLI writes the same ledger to a file.
        let out = cluster.directory.file("dropouts.csv")
        let cli = try await runProduct("baoxue", ["ledger", "export", "--kind", "dropout", "--out", out] + cluster.gatewayFlags)
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out)).prefix(3)) == [0xEF, 0xBB, 0xBF])
        await cluster.stop()
    }
}
