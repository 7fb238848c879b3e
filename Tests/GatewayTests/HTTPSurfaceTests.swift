import BaoxueTestSupport
import Foundation
import Hummingbird
import Testing

@testable import Gateway

@Suite struct HTTPSurfaceTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsRouted() async throws {
        let registry = try await InProcessRegistry()
        defer { registry.stop() }
        let router = GatewayHTTP.router(operations: registry.operations, metrics: nil)
        let routed = Set(router.routes.map { route in
            let path = "/" + route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue.lowercased()) \(path)"
        })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(routed == documented)
    }

    @Test func importListAndShowOverHTTP() async throws {
        let gateway = try await LiveGateway()
        defer { gateway.stop() }
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
    }

    @Test func errorsAreJSONWithStableCodesInTheAskedLanguage() async throws {
        let gateway = try await LiveGateway()
        defer { gateway.stop() }
        let client = gateway.client
        let missing = try await client.get("/api/v1/students/\(RosterFixtures.idNumber(sequence: 5))")
        #expect(missing.status == 404)
        #expect(missing.text.contains("student.notFound"))
        #expect(missing.text.contains("未找到"))
        let english = try await client.get("/api/v1/students/\(RosterFixtures.idNumber(sequence: 5))?lang=en")
        #expect(english.text.contains("no student"))
        #expect(!english.text.contains("未找到"))
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
    }

    @Test func addOneStudentOverHTTP() async throws {
        let gateway = try await LiveGateway()
        defer { gateway.stop() }
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
    }
}
