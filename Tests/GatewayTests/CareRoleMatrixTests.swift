import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// Every role against every care endpoint over real HTTP (``RoleMatrixTests``' rule): allowed,
/// refused (403) or masked; lists and everything a viewer sees hold no full ID number; without a
/// valid token, 401.
@Suite struct CareRoleMatrixTests {
    typealias Matrix = RoleMatrixTests
    static let own = RosterFixtures.idNumber(sequence: 1)
    static let ownOther = RosterFixtures.idNumber(sequence: 2)
    static let other = RosterFixtures.idNumber(sequence: 5)
    static let otherChildToWrite = RosterFixtures.idNumber(sequence: 6)

    /// The matrix's children, rural-registered (户口性质) so the ledger takes them.
    static let studentsCSV = Matrix.studentsCSV.split(separator: "\n").enumerated().map { $0.offset == 0 ? $0.element + ",户口性质" : $0.element + ",农业户口" }.joined(separator: "\n")

    static func ledgerBody(_ student: String) -> String {
        #"{"student": "\#(student)", "fatherSituation": "外出务工", "fatherPlace": "广东东莞", "motherSituation": "外出务工", "motherPlace": "浙江义乌", "guardianName": "王秀英", "guardianRelation": "祖父母", "guardianPhone": "13800001111"}"#
    }

    static func cases(surrogate: Int64) -> [Matrix.Case] {
        let all = Matrix.all(.ok)
        let countyWrite: [Role: Matrix.Expect] = [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .forbidden]
        let ownWrite: [Role: Matrix.Expect] = [.countyAdmin: .created, .countyOperator: .created, .townshipStaff: .created, .schoolStaff: .created, .viewer: .forbidden]
        let otherWrite: [Role: Matrix.Expect] = [.countyAdmin: .created, .countyOperator: .created, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .forbidden]
        let home = #"{"school": "\#(RosterFixtures.school)", "name": "之家", "openedOn": "2020-09-01", "rooms": 1, "inCharge": "周老师", "inChargePhone": "13600004444"}"#
        let otherHome = #"{"school": "\#(RosterFixtures.otherSchool)", "name": "之家", "openedOn": "2020-09-01", "rooms": 1, "inCharge": "赵老师"}"#
        return [
            .init(name: "ledger", method: "GET", path: "/api/v1/care/ledger", expected: all),
            .init(name: "ledger of another township", method: "GET", path: "/api/v1/care/ledger?township=\(RosterFixtures.otherTownship)",
                  expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .ok, .viewer: .ok]),
            .init(name: "ledger of another school", method: "GET", path: "/api/v1/care/ledger?school=\(RosterFixtures.otherSchool)",
                  expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .ok, .schoolStaff: .forbidden, .viewer: .ok]),
            .init(name: "ledger csv", method: "GET", path: "/api/v1/care/ledger.csv", expected: all),
            .init(name: "ledger xlsx", method: "GET", path: "/api/v1/care/ledger.xlsx", expected: all),
            .init(name: "flagged", method: "GET", path: "/api/v1/care/ledger/flagged", expected: all),
            .init(name: "own child's care", method: "GET", path: "/api/v1/care/children/\(own)",
                  expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .ok, .schoolStaff: .ok, .viewer: .masked]),
            .init(name: "another township's child's care", method: "GET", path: "/api/v1/care/children/\(other)",
                  expected: [.countyAdmin: .ok, .countyOperator: .ok, .townshipStaff: .forbidden, .schoolStaff: .forbidden, .viewer: .masked]),
            .init(name: "homes", method: "GET", path: "/api/v1/care/homes", expected: all),
            .init(name: "surrogates", method: "GET", path: "/api/v1/care/surrogates", expected: all),
            .init(name: "wishes", method: "GET", path: "/api/v1/care/wishes", expected: all),
            .init(name: "donor wishes", method: "GET", path: "/api/v1/care/wishes/donor", expected: all),
            .init(name: "activities", method: "GET", path: "/api/v1/care/activities", expected: all),
            .init(name: "activity summary", method: "GET", path: "/api/v1/care/activities/summary?year=2026", expected: all),
            .init(name: "notices", method: "GET", path: "/api/v1/care/notices", expected: all),
            .init(name: "gaps", method: "GET", path: "/api/v1/care/gaps", expected: all),
            .init(name: "figures", method: "GET", path: "/api/v1/care/figures?year=2026", expected: all),
            .init(name: "care alerts", method: "GET", path: "/api/v1/alerts?service=care", expected: all),
            .init(name: "record own child", method: "POST", path: "/api/v1/care/ledger", body: ledgerBody(ownOther), expected: ownWrite),
            .init(name: "record another township's child", method: "POST", path: "/api/v1/care/ledger", body: ledgerBody(otherChildToWrite), expected: otherWrite),
            .init(name: "own school's home", method: "POST", path: "/api/v1/care/homes", body: home, expected: ownWrite),
            .init(name: "another school's home", method: "POST", path: "/api/v1/care/homes", body: otherHome, expected: otherWrite),
            .init(name: "register a surrogate", method: "POST", path: "/api/v1/care/surrogates", body: #"{"name": "张老师", "kind": "教师", "school": "\#(RosterFixtures.school)"}"#, expected: ownWrite),
            .init(name: "assign own child", method: "POST", path: "/api/v1/care/children/\(own)/surrogate", body: #"{"surrogate": \#(surrogate)}"#, expected: ownWrite),
            .init(name: "contact own child", method: "POST", path: "/api/v1/care/children/\(own)/contacts", body: #"{"way": "谈心"}"#, expected: ownWrite),
            .init(name: "wish for own child", method: "POST", path: "/api/v1/care/wishes", body: #"{"student": "\#(own)", "wish": "书包", "value": 80}"#, expected: ownWrite),
            .init(name: "wish for another township's child", method: "POST", path: "/api/v1/care/wishes", body: #"{"student": "\#(other)", "wish": "书包", "value": 80}"#, expected: otherWrite),
            .init(name: "activity at own school", method: "POST", path: "/api/v1/care/activities", body: #"{"kind": "亲情视频聊天", "school": "\#(RosterFixtures.school)", "students": ["\#(own)"]}"#, expected: ownWrite),
            .init(name: "ledger import", method: "POST", path: "/api/v1/care/ledger/import", body: "姓名,身份证件号,父亲情况,父亲务工地,母亲情况,母亲务工地,实际监护人,与儿童关系\n学生3,\(RosterFixtures.idNumber(sequence: 3)),外出务工,广东,外出务工,浙江,王秀英,祖父母", expected: countyWrite),
            .init(name: "care sweep", method: "POST", path: "/api/v1/care/sweep", expected: countyWrite),
        ]
    }

    @Test func everyRoleAgainstEveryCareEndpoint() async throws {
        let gateway = try await LiveGateway()
        let operations = gateway.registry.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(Self.studentsCSV.utf8), actor: .localOperator())
        try #require(await eventually { (await operations.services.status(actor: .system).first { $0.service == "care" }?.health?.counts["children"]) == 7 })
        for key in [Self.own, Self.other] {
            _ = try await operations.care.recordChild(try LedgerRecordForm(body: try JSONDecoder().decode([String: FormValue].self, from: Data(Self.ledgerBody(key).utf8))).request(), actor: .localOperator())
        }
        let surrogate = try await operations.care.registerSurrogate(SurrogateRequest(name: "王老师", kind: .teacher, school: RosterFixtures.school), actor: .localOperator())
        let roles: [Role] = [.countyAdmin, .countyOperator, .townshipStaff, .schoolStaff, .viewer]
        var checked = 0
        for role in roles {
            let client = gateway.client.with(token: try gateway.registry.token(role, name: "care-\(role.rawValue)"))
            for testCase in Self.cases(surrogate: surrogate.id) {
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
                #expect(!Matrix.holdsFullIDNumber(reply.text), "a care reply holds a full ID number: \(where_)")
                if testCase.method == "GET", !testCase.path.contains("/children/") {
                    #expect(!reply.text.contains("13800001111") && !reply.text.contains("13600004444"), "a list holds a full phone: \(where_)")
                }
                if expected == .masked {
                    #expect(reply.text.contains(#""masked":true"#) && !reply.text.contains("13800001111"), "\(where_)")
                }
                checked += 1
            }
        }
        #expect(checked == Self.cases(surrogate: surrogate.id).reduce(0) { $0 + $1.expected.count })

        // Every full read and every write left an audit line, without a full number.
        let audit = try await operations.accessStore.audit(AuditQuery(limit: 1_000))
        let actions = Set(audit.map(\.action))
        for action in ["care.read", "care.ledger.record", "care.home.record", "care.surrogate.register", "care.assign", "care.contact", "care.wish.post", "care.activity.record", "care.ledger.export"] {
            #expect(actions.contains(action), "no audit line for \(action)")
        }
        #expect(audit.contains { $0.action == "care.read" && $0.outcome == "scope.forbidden" })
        await gateway.stop()
    }

    @Test func withoutAValidTokenEveryCareEndpointIs401() async throws {
        let gateway = try await OfflineGateway()
        try await gateway.test { client in
            for testCase in Self.cases(surrogate: 1) {
                let reply = try await client.with(token: nil).send(testCase.method, testCase.path, body: testCase.body.map { Data($0.utf8) })
                #expect(reply.status == 401, "\(testCase.path): \(reply.status)")
            }
        }
    }
}
