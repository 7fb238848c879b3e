import BaoxueTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
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
        let registry = try await InProcessRegistry()
        defer { registry.stop() }
        let app = Application(router: GatewayHTTP.router(operations: registry.operations, metrics: nil))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/schools/import", method: .post, body: ByteBuffer(string: RosterFixtures.schoolsCSV())) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/students/import", method: .post, body: ByteBuffer(string: RosterFixtures.studentsCSV(1...30))) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"imported\":30"))
            }
            try await client.execute(uri: "/api/v1/students?township=\(RosterFixtures.township)&limit=10", method: .get) { response in
                let page = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(page?["total"] as? Int == 30)
                #expect((page?["students"] as? [Any])?.count == 10)
                #expect(page?["nextCursor"] as? String != nil)
            }
            try await client.execute(uri: "/api/v1/schools", method: .get) { response in
                #expect(String(buffer: response.body).contains("城关镇中心小学"))
            }
        }
    }

    @Test func errorsAreJSONWithStableCodesInTheAskedLanguage() async throws {
        let registry = try await InProcessRegistry()
        defer { registry.stop() }
        let app = Application(router: GatewayHTTP.router(operations: registry.operations, metrics: nil))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/students/\(RosterFixtures.idNumber(sequence: 5))", method: .get) { response in
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(body.contains("student.notFound"))
                #expect(body.contains("未找到"))
            }
            try await client.execute(uri: "/api/v1/students/\(RosterFixtures.idNumber(sequence: 5))?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("no student"))
                #expect(!String(buffer: response.body).contains("未找到"))
            }
            try await client.execute(uri: "/api/v1/students?status=flying", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/students?limit=0", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/students/import", method: .post, body: ByteBuffer(bytes: [0x00, 0x01, 0x02, 0x00])) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("csv.binary"))
            }
            try await client.execute(uri: "/api/v1/students", method: .post, body: ByteBuffer(string: #"{"name":"张三","sex":"男"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("出生日期"))
            }
            try await client.execute(uri: "/api/v1/students", method: .post, body: ByteBuffer(string: "[1,2]")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func addOneStudentOverHTTP() async throws {
        let registry = try await InProcessRegistry()
        defer { registry.stop() }
        let app = Application(router: GatewayHTTP.router(operations: registry.operations, metrics: nil))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/schools/import", method: .post, body: ByteBuffer(string: RosterFixtures.schoolsCSV())) { _ in }
            let id = RosterFixtures.idNumber(sequence: 11)
            let form = #"{"name":"李四","sex":"男","birthDate":"2015-03-01","idNumber":"\#(id)","schoolCode":"\#(RosterFixtures.school)","grade":"五年级","registeredPoor":true,"documents":"户口簿"}"#
            try await client.execute(uri: "/api/v1/students", method: .post, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body).contains("\"enroll\""))
            }
            try await client.execute(uri: "/api/v1/students", method: .post, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .conflict)
            }
        }
    }
}
