import BaoxueTestSupport
import Foundation
import Hummingbird
import Testing

@testable import Gateway

@Suite struct HTTPSurfaceTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsRouted() async throws {
        let registry = try await InProcessServices()
        let router = GatewayHTTP.router(operations: registry.operations, metrics: nil)
        let routed = Set(router.routes.map { route in
            let path = "/" + route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue.lowercased()) \(path)"
        })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.shipped.get().json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(routed == documented)
        await registry.stop()
    }

    @Test func importListAndShowOverHTTP() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        let schools = try await client.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv")
        #expect(schools.status == 200)
        let students = try await client.post("/api/v1/students/import", body: Data(RosterFixtures.studentsCSV(1...30).utf8), contentType: "text/csv")
        #expect(students.status == 200)
        #expect(students.text.contains("\"imported\":30"))
        let page = try await client.get("/api/v1/students?township=\(RosterFixtures.township)&limit=10").json()
        #expect(page["total"] as? Int == 30)
        #expect((page["students"] as? [Any])?.count == 10)
        #expect(page["nextCursor"] as? String != nil)
        #expect(try await client.get("/api/v1/schools").text.contains("城关镇中心小学"))
        // Health stays open for probes, and says whether each service answers, not what it holds.
        let health = try await client.with(token: nil).get("/healthz")
        #expect(health.status == 200)
        #expect(health.text.contains(#""counts":{}"#), "no data counts for anonymous callers: \(health.text)")
        #expect(try await client.with(token: nil).get("/metrics").status == 200)
        await gateway.stop()
    }

    @Test func errorsAreJSONWithStableCodesInTheAskedLanguage() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        let missing = try await client.get("/api/v1/students/\(RosterFixtures.idNumber(sequence: 5))")
        #expect(missing.status == 404)
        #expect(missing.text.contains("student.notFound"))
        #expect(missing.text.contains("未找到"))
        let english = try await client.get("/api/v1/students/\(RosterFixtures.idNumber(sequence: 5))?lang=en")
        #expect(english.text.contains("no student"))
        #expect(!english.text.contains("未找到"))
        await gateway.stop()
    }

    /// What the gateway refuses itself, before any service is asked: in-process, with no service
    /// behind the router (one asked by mistake would answer 503, not the status expected).
    @Test func badRequestsAreRefusedBeforeAnyServiceIsAsked() async throws {
        try await OfflineGateway().test { client in
            let id = RosterFixtures.idNumber(sequence: 1)
            #expect(try await client.get("/api/v1/students?status=flying").status == 400)
            #expect(try await client.get("/api/v1/students?limit=0").status == 400)
            #expect(try await client.get("/api/v1/changes?limit=5000").status == 400)
            let binary = try await client.post("/api/v1/students/import", body: Data([0x00, 0x01, 0x02, 0x00]), contentType: "text/csv")
            #expect(binary.status == 400)
            #expect(binary.text.contains("csv.binary"))
            let incomplete = try await client.post("/api/v1/students", body: Data(#"{"name":"张三","sex":"男"}"#.utf8))
            #expect(incomplete.status == 422)
            #expect(incomplete.text.contains("出生日期"))
            #expect(try await client.post("/api/v1/students", body: Data("[1,2]".utf8)).status == 400)
            let unknownRoute = try await client.get("/api/v2/nothing")
            #expect(unknownRoute.status == 404)

            // A body over 1 MB: 413, not a 500 from the streamed body's error.
            let huge = try await client.post("/api/v1/students/\(id)/changes", body: Data(("{\"kind\":\"suspend\",\"reason\":\"" + String(repeating: "长", count: 400_000) + "\"}").utf8))
            #expect(huge.status == 413, "\(huge.text.prefix(200))")
            #expect(huge.text.contains("request.tooLarge"))
            // A known path with another method: 405 and Allow, not 404.
            let wrongMethod = try await client.send("DELETE", "/api/v1/students/\(id)", body: nil)
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["allow"] == "GET, HEAD")
            #expect(try await client.send("GET", "/api/v1/students/import", body: nil).headers["allow"] == "POST")
            // Filters are checked, never silently ignored or matched against nothing.
            #expect(try await client.get("/api/v1/changes?incomplete=AAA").status == 400)
            #expect(try await client.get("/api/v1/schools?township=if").status == 400)
            #expect(try await client.get("/api/v1/students?school=12").status == 400)
            // A huge number is a wrong grade (422), not a decoding failure.
            let bigGrade = try await client.post("/api/v1/students", body: Data(#"{"name":"王五","sex":"男","birthDate":"2015-03-01","idNumber":"\#(RosterFixtures.idNumber(sequence: 9))","schoolCode":"\#(RosterFixtures.school)","grade":9223372036854775808}"#.utf8))
            #expect(bigGrade.status == 422)
        }
    }

    @Test func addOneStudentOverHTTP() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        _ = try await client.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv")
        let id = RosterFixtures.idNumber(sequence: 11)
        let form = #"{"name":"李四","sex":"男","birthDate":"2015-03-01","idNumber":"\#(id)","schoolCode":"\#(RosterFixtures.school)","grade":"五年级","registeredPoor":true,"documents":"户口簿"}"#
        let added = try await client.post("/api/v1/students", body: Data(form.utf8))
        #expect(added.status == 201)
        #expect(added.text.contains("\"enroll\""))
        #expect(try await client.post("/api/v1/students", body: Data(form.utf8)).status == 409)
        let badDate = try await client.post("/api/v1/students", body: Data(form.replacingOccurrences(of: "\"documents\"", with: "\"date\":\"someday\",\"documents\"").utf8))
        #expect(badDate.status == 400)
        await gateway.stop()
    }

    /// What fuzzing found, kept fixed: each bad request that only the registry can judge gets a
    /// clear 4xx with a stable code, and nothing is written (the ones the gateway refuses itself
    /// are in ``badRequestsAreRefusedBeforeAnyServiceIsAsked()``).
    @Test func badInputIsRefusedWithTheRightStatus() async throws {
        let gateway = try await LiveGateway()
        let client = gateway.client
        _ = try await client.post("/api/v1/schools/import", body: Data(RosterFixtures.schoolsCSV().utf8), contentType: "text/csv")
        _ = try await client.post("/api/v1/students/import", body: Data(RosterFixtures.studentsCSV(1...2).utf8), contentType: "text/csv")
        let id = RosterFixtures.idNumber(sequence: 1)

        #expect(try await client.send("HEAD", "/api/v1/students", body: nil).status == 200)
        #expect(try await client.get("/api/v1/students?township=&cursor=").status == 200)
        // Dates that cannot be: before the child's birth, an end before the start.
        let beforeBirth = try await client.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"death","date":"2000-01-01"}"#.utf8))
        #expect(beforeBirth.status == 422)
        #expect(beforeBirth.text.contains("change.beforeBirth"))
        let endBeforeStart = try await client.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"suspend","date":"2026-01-10","expectedEnd":"2026-01-01"}"#.utf8))
        #expect(endBeforeStart.text.contains("change.endBeforeStart"))
        // Document names are names, never paths; reasons have a length (the registry checks both).
        let traversal = try await client.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"suspend","documents":["../../etc/passwd"]}"#.utf8))
        #expect(traversal.status == 400)
        #expect(traversal.text.contains("documents[0]"))
        let longReason = try await client.post("/api/v1/students/\(id)/changes", body: Data(("{\"kind\":\"suspend\",\"reason\":\"" + String(repeating: "x", count: 501) + "\"}").utf8))
        #expect(longReason.status == 400)
        // Nothing of the above was written.
        let detail = try await client.get("/api/v1/students/\(id)").json()
        #expect((detail["changes"] as? [Any])?.isEmpty == true)
        #expect((detail["student"] as? [String: Any])?["status"] as? String == "enrolled")
        await gateway.stop()
    }
}
