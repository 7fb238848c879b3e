import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// A county operator's first day: schools and students imported from the CLI with files as
/// offices export them, then read over HTTP as another program would.
@Suite(.serialized) struct ImportAndQueryTests {
    static let gb18030 = String.Encoding(rawValue: 0x80000632)

    @Test func cliImportThenHTTPQuery() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)

        // Given a schools file and a GB18030 students file with CRLF, rare characters, a middle
        // dot, full-width digits and five bad rows,
        let schools = try cluster.directory.write("schools.csv", Data(RosterFixtures.schoolsCSV().utf8))
        var rows = (1...20).map { RosterFixtures.studentRow($0) }
        rows[0] = RosterFixtures.studentRow(1, name: "王䶮")
        rows[1] = RosterFixtures.studentRow(2, name: "阿依古丽·买买提")
        let fullWidthID = RosterFixtures.idNumber(birth: "20150303", sequence: 3)
        rows[2] = rows[2].replacingOccurrences(of: fullWidthID, with: fullWidthID.map { char in
            char.isNumber ? String(UnicodeScalar(char.unicodeScalars.first!.value + 0xFEE0)!) : String(char)
        }.joined())
        let badChecksum = String(RosterFixtures.idNumber(sequence: 901).dropLast()) + "0"
        let bad = [
            RosterFixtures.studentRow(901).replacingOccurrences(of: RosterFixtures.idNumber(sequence: 901), with: badChecksum == RosterFixtures.idNumber(sequence: 901) ? String(badChecksum.dropLast()) + "1" : badChecksum),
            RosterFixtures.studentRow(902).replacingOccurrences(of: "2015-03-01", with: "2014-03-01"),
            RosterFixtures.studentRow(903, school: "9999999999"),
            RosterFixtures.studentRow(5),
            RosterFixtures.studentRow(904).replacingOccurrences(of: "学生904,", with: ","),
        ]
        let csv = ([RosterFixtures.studentsHeader] + rows + bad).joined(separator: "\r\n") + "\r\n"
        let students = try cluster.directory.write("students.csv", try #require(csv.data(using: Self.gb18030)))

        // When they are imported from the CLI,
        let schoolRun = try await runProduct("baoxue", ["school", "import", schools] + cluster.gatewayFlags)
        #expect(schoolRun.status == 0, "\(schoolRun.stderr)")
        let studentRun = try await runProduct("baoxue", ["student", "import", students, "--json"] + cluster.gatewayFlags)
        #expect(studentRun.status == 0, "\(studentRun.stderr)")
        let outcome = try JSONSerialization.jsonObject(with: Data(studentRun.stdout.utf8)) as? [String: Any]
        let report = try #require(outcome?["report"] as? [String: Any])
        #expect(report["imported"] as? Int == 20)
        #expect(outcome?["encoding"] as? String == "gb18030")
        let rejected = try #require(report["rejected"] as? [[String: Any]])
        #expect(Set(rejected.compactMap { $0["row"] as? Int }) == [21, 22, 23, 24, 25])
        #expect(rejected.first { $0["row"] as? Int == 21 }?["column"] as? String == "身份证件号")
        #expect(rejected.first { $0["row"] as? Int == 22 }?["column"] as? String == "出生日期")
        #expect(rejected.first { $0["row"] as? Int == 23 }?["column"] as? String == "学校标识码")
        #expect((rejected.first { $0["row"] as? Int == 24 }?["reason"] as? String)?.contains("第5行") == true)
        #expect(rejected.first { $0["row"] as? Int == 25 }?["column"] as? String == "姓名")

        // then HTTP lists them masked, and shows one in full.
        let page = try await http.get("/api/v1/students?school=\(RosterFixtures.school)&limit=100")
        #expect(page.status == 200)
        #expect(try page.json()["total"] as? Int == 20)
        #expect(!page.text.contains(RosterFixtures.idNumber(sequence: 7)))
        #expect(page.text.contains("510123********"))
        let one = try await http.get("/api/v1/students/\(RosterFixtures.idNumber(sequence: 1))")
        #expect(one.status == 200)
        #expect(one.text.contains("王䶮"))
        #expect(one.text.contains(RosterFixtures.idNumber(sequence: 1)))
        let dotted = try await http.get("/api/v1/students?q=%E9%98%BF%E4%BE%9D")
        #expect(dotted.text.contains("阿依古丽·买买提"))

        // And importing the same file again changes nothing.
        let again = try await runProduct("baoxue", ["student", "import", students, "--json"] + cluster.gatewayFlags)
        let againReport = try #require((try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["report"] as? [String: Any])
        #expect(againReport["unchanged"] as? Int == 20)
        #expect(againReport["imported"] as? Int == 0)
        #expect(try await cluster.health().lastSeq == 2 + 20)
        await cluster.stop()
    }

    @Test func badFilesAreRefusedWithAClearMessage() async throws {
        let cluster = try await Cluster()
        let empty = try cluster.directory.write("empty.csv", Data())
        let binary = try cluster.directory.write("binary.csv", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]))
        // A file that cannot be read as a table is invalid input: exit 2, as HTTP answers 400.
        let emptyRun = try await runProduct("baoxue", ["student", "import", empty] + cluster.gatewayFlags)
        #expect(emptyRun.status == 2)
        #expect(emptyRun.stderr.contains("空"))
        let binaryRun = try await runProduct("baoxue", ["student", "import", binary, "--lang", "en"] + cluster.gatewayFlags)
        #expect(binaryRun.status == 2)
        #expect(binaryRun.stderr.lowercased().contains("xlsx") || binaryRun.stderr.lowercased().contains("excel"))
        let missing = try await runProduct("baoxue", ["student", "import", cluster.directory.file("nope.csv")] + cluster.gatewayFlags)
        #expect(missing.status == 1)
        #expect(try await cluster.health().counts["students"] == 0)
        await cluster.stop()
    }

    @Test func exitCodesMeanWhatTheySay() async throws {
        let cluster = try await Cluster()
        let notFound = try await runProduct("baoxue", ["student", "show", RosterFixtures.idNumber(sequence: 77)] + cluster.gatewayFlags)
        #expect(notFound.status == 1)
        #expect(notFound.stderr.contains("未找到"))
        let usage = try await runProduct("baoxue", ["student", "change"] + cluster.gatewayFlags)
        #expect(usage.status == 2)
        let closed = ClosedPort()
        let nobody = try await runProduct("baoxue", ["services", "status"], environment: ["GATEWAY_REGISTRY": closed.endpoint, "GATEWAY_MONITOR": closed.endpoint])
        closed.close()
        #expect(nobody.status == 3)
        let status = try await runProduct("baoxue", ["services", "status", "--lang", "en"] + cluster.gatewayFlags)
        #expect(status.status == 0)
        #expect(status.stdout.contains("up"))
        await cluster.stop()
    }

    @Test func statusChangesFromCLIAndHTTP() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await cluster.operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...3).utf8), actor: .localOperator())
        let id = RosterFixtures.idNumber(sequence: 1)

        let dropout = try await runProduct("baoxue", ["student", "change", id, "--kind", "辍学", "--cause", "厌学", "--documents", "学校报告"] + cluster.gatewayFlags)
        #expect(dropout.status == 0, "\(dropout.stderr)")
        let refused = try await runProduct("baoxue", ["student", "change", id, "--kind", "resume"] + cluster.gatewayFlags)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("辍学"))

        let back = try await http.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"return","documents":["劝返销号记录"]}"#.utf8))
        #expect(back.status == 201)
        let conflict = try await http.post("/api/v1/students/\(id)/changes?lang=en", body: Data(#"{"kind":"resume"}"#.utf8))
        #expect(conflict.status == 409)
        #expect(try (conflict.json()["error"] as? [String: Any])?["code"] as? String == "change.notAllowed")
        let unknownField = try await http.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"suspend","extra":1}"#.utf8))
        #expect(unknownField.status == 400)
        let notJSON = try await http.post("/api/v1/students/\(id)/changes", body: Data("kind=suspend".utf8))
        #expect(notJSON.status == 400)
        let incomplete = try await http.post("/api/v1/students/\(RosterFixtures.idNumber(sequence: 2))/changes", body: Data(#"{"kind":"transferOut","documents":["转学申请"]}"#.utf8))
        #expect(incomplete.status == 201)
        #expect(incomplete.text.contains("接收证明"))
        let flagged = try await http.get("/api/v1/changes?incomplete=true")
        #expect(flagged.text.contains("transferOut"))

        // Over HTTP the causes go in the change's body; one on another kind is refused (422).
        let misplaced = try await http.post("/api/v1/students/\(RosterFixtures.idNumber(sequence: 3))/changes", body: Data(#"{"kind":"suspend","causes":["疾病"]}"#.utf8))
        let misplacedError = try misplaced.json()["error"] as? [String: Any]
        #expect(misplaced.status == 422 && misplacedError?["code"] as? String == "change.causeInvalid")
        let detail = try await http.get("/api/v1/students/\(id)")
        #expect(detail.text.contains("\"dropOut\"") && detail.text.contains(#""causes":["weariness"]"#))
        #expect(detail.text.contains("\"return\""))
        let openapi = try await http.get("/openapi.json")
        #expect(openapi.status == 200)
        let metrics = try await http.get("/metrics")
        #expect(metrics.text.contains("hb_requests"))
        await cluster.stop()
    }
}
