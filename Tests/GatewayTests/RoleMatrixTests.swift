import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// Every role against every endpoint over real HTTP: allowed, refused (403), or masked; without a
/// valid token, 401. Lists, and everything a viewer sees, never hold a full ID number.
@Suite struct RoleMatrixTests {
    /// Children 1–4 are at the fixture school in the fixture township; 5–7 at the other school,
    /// in the other township.
    static let ownChild = RosterFixtures.idNumber(sequence: 1)
    static let otherChild = RosterFixtures.idNumber(sequence: 5)

    enum Expect: Equatable {
        case ok, created, forbidden, masked
    }

    struct Case: Sendable {
        var name: String
        var method: String
        var path: String
        var body: String?
        /// county-admin, county-operator, township-staff, school-staff, viewer.
        var expected: [Role: Expect]
    }

    static func all(_ expect: Expect) -> [Role: Expect] {
        [.countyAdmin: expect, .countyOperator: expect, .townshipStaff: expect, .schoolStaff: expect, .viewer: expect]
    }

    static func cases() -> [Case] {
        let countyWrite: [Role: Expect] = [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .forbidden]
        return [
            Case(name: "me", method: "GET", path: "/api/v1/me", expected: all(.ok)),
            Case(name: "audit", method: "GET", path: "/api/v1/audit", expected: [.countyAdmin: .ok, .countyOperator: .forbidden, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .forbidden]),
            Case(name: "schools import", method: "POST", path: "/api/v1/schools/import", body: RosterFixtures.schoolsCSV(), expected: countyWrite),
            Case(name: "students import", method: "POST", path: "/api/v1/students/import", body: studentsCSV, expected: countyWrite),
            Case(name: "schools", method: "GET", path: "/api/v1/schools", expected: all(.ok)),
            Case(name: "students", method: "GET", path: "/api/v1/students", expected: all(.ok)),
            Case(name: "students of another township", method: "GET", path: "/api/v1/students?township=\(RosterFixtures.otherTownship)",
                 expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .ok, .viewer: .ok]),
            Case(name: "students of another school", method: "GET", path: "/api/v1/students?school=\(RosterFixtures.otherSchool)",
                 expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .ok, .schoolStaff: .forbidden, .viewer: .ok]),
            Case(name: "own child", method: "GET", path: "/api/v1/students/\(ownChild)",
                 expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .ok, .schoolStaff: .ok, .viewer: .masked]),
            Case(name: "another township's child", method: "GET", path: "/api/v1/students/\(otherChild)",
                 expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .masked]),
            Case(name: "changes", method: "GET", path: "/api/v1/changes", expected: all(.ok)),
            Case(name: "change another school's child", method: "POST", path: "/api/v1/students/\(otherChild)/changes", body: #"{"kind":"suspend","documents":["休学申请","病历证明"]}"#,
                 expected: [.countyAdmin: .created, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .forbidden]),
            Case(name: "subsidy programs", method: "GET", path: "/api/v1/subsidy/programs", expected: all(.ok)),
            Case(name: "subsidy eligibility of another township", method: "GET", path: "/api/v1/subsidy/eligible?term=2026-autumn&township=\(RosterFixtures.otherTownship)",
                 expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .ok, .viewer: .ok]),
            Case(name: "subsidy batch", method: "POST", path: "/api/v1/subsidy/batches", body: #"{"term":"2026-autumn","program":"compulsory-primary-day","dryRun":true}"#, expected: countyWrite),
            Case(name: "subsidy unmatched", method: "GET", path: "/api/v1/subsidy/rosters/unmatched",
                 expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .ok, .schoolStaff: .forbidden, .viewer: .ok]),
        ]
    }

    /// Writes that each role tries on a child of its own (so one role's change does not make the
    /// next role's impossible): county roles and the child's school may, others may not.
    static func ownWrites(_ role: Role, index: Int) -> [Case] {
        let child = RosterFixtures.idNumber(sequence: 1 + index)
        let allowed: Bool = role == .countyAdmin || role == .countyOperator || role == .schoolStaff
        let newChild = RosterFixtures.idNumber(sequence: 40 + index)
        let add = #"{"name":"新生\#(index)","sex":"\#(index % 2 == 0 ? "女" : "男")","birthDate":"2015-03-01","idNumber":"\#(newChild)","schoolCode":"\#(RosterFixtures.school)","grade":"5"}"#
        return [
            Case(name: "change own child", method: "POST", path: "/api/v1/students/\(child)/changes", body: #"{"kind":"suspend","documents":["休学申请","病历证明"]}"#, expected: [role: allowed ? .created : .forbidden]),
            Case(name: "add a child at the own school", method: "POST", path: "/api/v1/students", body: add, expected: [role: allowed ? .created : .forbidden]),
        ]
    }

    /// Children 1–4 at the fixture school, 5–7 at the other school (other township).
    static let studentsCSV = ([RosterFixtures.studentsHeader] + (1...4).map { RosterFixtures.studentRow($0) } + (5...7).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }).joined(separator: "\n")

    static let fullIDNumber = try! NSRegularExpression(pattern: #"(?<![0-9])[0-9]{17}[0-9X](?![0-9])"#)

    static func holdsFullIDNumber(_ text: String) -> Bool {
        fullIDNumber.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func everyRoleAgainstEveryEndpoint() async throws {
        let gateway = try await LiveGateway()
        let operations = gateway.registry.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(Self.studentsCSV.utf8), actor: .localOperator())
        let roles: [Role] = [.countyAdmin, .countyOperator, .townshipStaff, .schoolStaff, .viewer]
        var clients: [Role: HTTPTestClient] = [:]
        for role in roles { clients[role] = gateway.client.with(token: try gateway.registry.token(role, name: "matrix-\(role.rawValue)")) }

        var checked = 0
        for role in roles {
            let client = try #require(clients[role])
            for testCase in Self.cases() + Self.ownWrites(role, index: roles.firstIndex(of: role)!) {
                guard let expected = testCase.expected[role] else { continue }
                let contentType = testCase.path.hasSuffix("/import") ? "text/csv" : "application/json"
                let reply = try await client.send(testCase.method, testCase.path, body: testCase.body.map { Data($0.utf8) }, contentType: contentType)
                let where_ = "\(role.rawValue) \(testCase.method) \(testCase.path): \(reply.status) \(reply.text.prefix(300))"
                switch expected {
                case .ok, .masked: #expect(reply.status == 200, "\(where_)")
                case .created: #expect(reply.status == 201, "\(where_)")
                case .forbidden:
                    #expect(reply.status == 403, "\(where_)")
                    #expect(reply.text.contains("scope.forbidden"), "\(where_)")
                }
                let isList = testCase.method == "GET" && !testCase.path.contains("/students/") && !testCase.path.hasSuffix("/me")
                if expected == .masked || isList || role == .viewer {
                    #expect(!Self.holdsFullIDNumber(reply.text), "masked view holds a full ID number: \(where_)")
                }
                if expected == .masked {
                    #expect(reply.text.contains(#""masked":true"#), "\(where_)")
                }
                if expected == .ok, testCase.path.hasPrefix("/api/v1/students/"), testCase.method == "GET" {
                    #expect(reply.text.contains(#""masked":false"#), "\(where_)")
                }
                checked += 1
            }
        }
        #expect(checked == Self.cases().reduce(0) { $0 + $1.expected.count } + roles.count * 2)

        // A township user's list holds their township only, and each scoped count is right.
        let township = try await clients[.townshipStaff]!.get("/api/v1/students?limit=100").json()
        #expect((township["students"] as? [[String: Any]])?.allSatisfy { $0["township"] as? String == RosterFixtures.township } == true)
        #expect(try await clients[.viewer]!.get("/api/v1/students?limit=100").json()["total"] as? Int == 7 + 3)
        await gateway.stop()
    }

    /// Authentication comes before everything, so this runs in-process with no service behind
    /// the router: a route that asked one first would not answer 401.
    @Test func withoutAValidTokenEveryEndpointIs401() async throws {
        let gateway = try await OfflineGateway()
        let token = try gateway.token(.countyOperator, name: "soon-disabled")
        let operations = gateway.operations
        try await gateway.test { client in
            let disabled = client.with(token: token)
            #expect(try await disabled.get("/api/v1/me").status == 200)
            _ = try await operations.access.setDisabled(true, user: "soon-disabled", actor: .localOperator())
            var badHeader = client.with(token: nil)
            badHeader.headers["Authorization"] = "Basic dXNlcjpwYXNz"
            let callers: [(String, RouterClient)] = [
                ("no token", client.with(token: nil)), ("unknown token", client.with(token: BearerToken.generate())),
                ("garbage", client.with(token: "'; DROP TABLE user; --")), ("disabled at once", disabled), ("basic auth", badHeader),
            ]
            for (label, caller) in callers {
                for testCase in Self.cases() {
                    let reply = try await caller.send(testCase.method, testCase.path, body: testCase.body.map { Data($0.utf8) })
                    #expect(reply.status == 401, "\(label) \(testCase.path): \(reply.status)")
                    #expect(reply.text.contains("auth."), "\(label) \(testCase.path)")
                    #expect(reply.headers["www-authenticate"]?.hasPrefix("Bearer") == true, "\(label) \(testCase.path)")
                }
            }
            // The API description stays open, for client generators (health and metrics too:
            // HTTPSurfaceTests asks for health with data behind it).
            let document = try await client.with(token: nil).get("/openapi.json")
            #expect(document.status == 200 && document.headers["content-type"]?.hasPrefix("application/json") == true)
        }
    }

    @Test func readsAndWritesLeaveAuditLinesWithoutFullNumbers() async throws {
        let gateway = try await LiveGateway()
        let operations = gateway.registry.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(Self.studentsCSV.utf8), actor: .localOperator())
        let township = gateway.client.with(token: try gateway.registry.token(.townshipStaff, name: "wang"))
        let admin = gateway.client.with(token: try gateway.registry.token(.countyAdmin, name: "root"))
        #expect(try await township.get("/api/v1/students/\(Self.ownChild)").status == 200)
        #expect(try await township.get("/api/v1/students/\(Self.otherChild)").status == 403)
        #expect(try await gateway.client.post("/api/v1/students/\(Self.ownChild)/changes", body: Data(#"{"kind":"suspend","documents":["休学申请","病历证明"]}"#.utf8)).status == 201)

        let reply = try await admin.get("/api/v1/audit?student=\(Self.ownChild)")
        #expect(reply.status == 200)
        let entries = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["student.change", "student.read"])
        #expect(entries.last?["user"] as? String == "wang")
        #expect((entries.last?["via"] as? String)?.hasPrefix("http 127.0.0.1") == true)
        #expect(entries.first?["detail"] as? String == "suspend")
        let denied = try await admin.get("/api/v1/audit?user=wang").text
        #expect(denied.contains("scope.forbidden"))
        #expect(!Self.holdsFullIDNumber(reply.text + denied))
        let imports = try await admin.get("/api/v1/audit?action=students.import").text
        #expect(imports.contains("rows 7"))
        await gateway.stop()
    }
}
