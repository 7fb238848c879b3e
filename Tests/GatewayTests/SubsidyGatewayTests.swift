import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Monitoring
import Subsidy
import Testing

@testable import Gateway

/// Student aid through the gateway, over the real in-process registry, monitor and subsidy
/// service: a roster imported, eligibility, a batch run twice, the bank's results, a reissue,
/// coverage and totals, each by the role that may; scope refusals; audit lines; the case file's
/// subsidy part.
@Suite struct SubsidyGatewayTests {
    /// Children 1–4 at the fixture school, 5–7 at the other (other township): 1 and 5 are on the
    /// 建档立卡 list, 2 on the 低保 list.
    static let term = "2026-autumn"
    static let program = "compulsory-primary-day"

    static func povertyCSV() -> String {
        let unknownChild = RosterFixtures.idNumber(birth: "20150610", sequence: 77)
        return [
            "身份证件号,姓名,类别,户主姓名,乡镇区划代码,家庭人口",
            "\(RosterFixtures.idNumber(sequence: 1)),学生1,建档立卡,家长1,\(RosterFixtures.township),4",
            "\(RosterFixtures.idNumber(sequence: 5)),学生5,建档立卡,家长5,\(RosterFixtures.otherTownship)201,3",
            "\(unknownChild),无学籍儿童,建档立卡,家长77,\(RosterFixtures.township),5",
        ].joined(separator: "\r\n") + "\r\n"
    }

    static func civilAffairsCSV() -> String {
        ["公民身份号码,成员姓名,救助类别,户主,所属乡镇代码", "\(RosterFixtures.idNumber(sequence: 2)),学生2,低保,家长2,\(RosterFixtures.township)", "51012320150301002X,错号,低保,家长,\(RosterFixtures.township)"]
            .joined(separator: "\r\n") + "\r\n"
    }

    static func prepared() async throws -> LiveGateway {
        let gateway = try await LiveGateway()
        let operations = gateway.registry.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(RoleMatrixTests.studentsCSV.utf8), actor: .localOperator())
        let subsidy = gateway.registry.subsidy
        #expect(try await eventually { try await subsidy.kit.read { try SubsidyStore.counts($0)["students"] } == 7 })
        return gateway
    }

    @Test func theYearOfAidThroughHTTP() async throws {
        let gateway = try await Self.prepared()
        let admin = gateway.client.with(token: try gateway.registry.token(.countyAdmin, name: "zhang"))
        let township = gateway.client.with(token: try gateway.registry.token(.townshipStaff, name: "wang"))

        // Given the offices' rosters: a 建档立卡 list with a child no school holds, and a civil
        // affairs export with its own headers and one bad ID number.
        let poverty = try await admin.post("/api/v1/subsidy/rosters?source=建档立卡&listedOn=2026-09-01", body: Data(Self.povertyCSV().utf8), contentType: "text/csv")
        #expect(poverty.status == 200, "\(poverty.text)")
        let roster = try poverty.json()["roster"] as? [String: Any]
        #expect(roster?["matched"] as? Int == 2 && roster?["unmatched"] as? Int == 1 && roster?["unmatchedSchoolAge"] as? Int == 1)
        let civil = try await admin.post("/api/v1/subsidy/rosters?source=civilAffairs&listedOn=2026-09-01", body: Data(Self.civilAffairsCSV().utf8), contentType: "text/csv")
        let rejected = (try civil.json()["outcome"] as? [String: Any])?["report"] as? [String: Any]
        let problems = rejected?["rejected"] as? [[String: Any]]
        #expect(problems?.count == 1 && problems?.first?["row"] as? Int == 2 && problems?.first?["column"] as? String == "身份证件号", "\(civil.text)")
        #expect(try await township.post("/api/v1/subsidy/rosters?source=poverty&listedOn=2026-09-01", body: Data(Self.povertyCSV().utf8), contentType: "text/csv").status == 403)

        // Eligibility: three children in the county, the township sees its own two.
        let eligible = try await admin.get("/api/v1/subsidy/eligible?term=2026秋")
        #expect(try eligible.json()["total"] as? Int == 3, "\(eligible.text)")
        #expect(!RoleMatrixTests.holdsFullIDNumber(eligible.text))
        #expect(try await township.get("/api/v1/subsidy/eligible?term=\(Self.term)").json()["total"] as? Int == 2)
        #expect(try await township.get("/api/v1/subsidy/eligible?term=\(Self.term)&township=\(RosterFixtures.otherTownship)").status == 403)
        #expect(try await admin.get("/api/v1/subsidy/eligible?term=2026冬").status == 400)

        // A batch, then the same batch again: nobody is paid twice.
        let body = Data(#"{"term": "2026秋", "program": "\#(Self.program)"}"#.utf8)
        #expect(try await township.post("/api/v1/subsidy/batches", body: body).status == 403)
        let first = try await admin.post("/api/v1/subsidy/batches", body: body).json()
        #expect(first["paid"] as? Int == 3 && first["amountFen"] as? Int == 3 * 25_000)
        let again = try await admin.post("/api/v1/subsidy/batches", body: body).json()
        #expect(again["paid"] as? Int == 0 && again["alreadyPaid"] as? Int == 3)

        // The bank credits two and returns one; it is reissued once corrected, and credited.
        let payments = try #require(try JSONSerialization.jsonObject(with: try await admin.get("/api/v1/subsidy/payments?term=\(Self.term)").body) as? [[String: Any]])
        #expect(payments.count == 3)
        let ids = payments.compactMap { $0["id"] as? Int }.sorted()
        let bank = "业务流水号,交易状态,错误信息,金额（元）\r\n\(ids[0]),成功,,250.00\r\n\(ids[1]),成功,,250.00\r\n\(ids[2]),失败,账户已销户,250.00\r\n"
        #expect(try await admin.post("/api/v1/subsidy/bank-results", body: Data(bank.utf8), contentType: "text/csv").status == 200)
        let gap = try await admin.get("/api/v1/subsidy/coverage?term=\(Self.term)").json()
        #expect(gap["failed"] as? Int == 1)
        let reissued = try await admin.post("/api/v1/subsidy/payments/\(ids[2])/reissue", body: Data(#"{"note": "已更正银行卡号"}"#.utf8))
        #expect(reissued.status == 200, "\(reissued.text)")
        #expect(try await admin.post("/api/v1/subsidy/payments/\(ids[2])/reissue", body: Data(#"{"note": "again"}"#.utf8)).status == 409)
        let newID = try #require(try reissued.json()["id"] as? Int)
        _ = try await admin.post("/api/v1/subsidy/bank-results", body: Data("支付编号,处理结果\r\n\(newID),成功\r\n".utf8), contentType: "text/csv")
        let coverage = try await admin.get("/api/v1/subsidy/coverage?term=\(Self.term)").json()
        #expect(coverage["covered"] as? Int == 3 && coverage["failed"] as? Int == 0 && coverage["unpaid"] as? Int == 0)

        // Totals match the credited payments to the fen, in the file for Excel too.
        let totals = try await admin.get("/api/v1/subsidy/totals?year=2026").json()
        #expect(totals["personTimes"] as? Int == 3 && totals["amountFen"] as? Int == 75_000)
        let csv = try await admin.get("/api/v1/subsidy/totals.csv?year=2026")
        #expect(csv.status == 200 && csv.text.contains("合计,,全部,3,750.00,0.08"))

        // One child's aid: the school may read its own, audited; the other township may not.
        let own = RosterFixtures.idNumber(sequence: 1)
        let child = try await township.get("/api/v1/subsidy/children/\(own)")
        #expect(child.status == 200 && !RoleMatrixTests.holdsFullIDNumber(child.text))
        #expect(try await township.get("/api/v1/subsidy/children/\(RosterFixtures.idNumber(sequence: 5))").status == 403)
        let audit = try await admin.get("/api/v1/audit?student=\(own)")
        let actions = (try JSONSerialization.jsonObject(with: audit.body) as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        #expect(actions.contains("subsidy.read"), "\(audit.text)")
        let writes = try await admin.get("/api/v1/audit?action=subsidy.disburse").text
        #expect(writes.contains("paid 3") && !RoleMatrixTests.holdsFullIDNumber(writes))

        // School staff see no one outside a school; the township sees its unmatched child.
        let school = gateway.client.with(token: try gateway.registry.token(.schoolStaff, name: "li"))
        #expect(try await school.get("/api/v1/subsidy/rosters/unmatched").status == 403)
        let unmatched = try await township.get("/api/v1/subsidy/rosters/unmatched?schoolAge=true")
        #expect(unmatched.text.contains("无学籍儿童") && !RoleMatrixTests.holdsFullIDNumber(unmatched.text))
        await gateway.stop()
    }

    /// Choosing 资助转介 on a case shows the child's lists and payments on the case file.
    @Test func aCaseWithTheSubsidyMeasureShowsTheChildsAid() async throws {
        let gateway = try await Self.prepared()
        let operations = gateway.registry.operations
        let actor = Actor.localOperator()
        let start = try RosterUploadForm(source: "poverty", listedOn: "2026-09-01").start(fileName: nil)
        _ = try await operations.subsidy.importRoster(Data(Self.povertyCSV().utf8), start: start, actor: actor)
        _ = try await operations.subsidy.disburse(DisbursementRequest(term: Term(parsing: Self.term)!, program: Self.program), actor: actor)
        let child = RosterFixtures.idNumber(sequence: 1)
        let monitor = gateway.registry.monitor
        #expect(try await eventually { try await monitor.kit.read { try MonitorStore.counts($0)["students"] } == 7 })
        let opened = try await operations.monitor.openCase(OpenCaseRequest(student: child, causes: [.poverty]), actor: actor)
        let without = try await operations.caseView(opened.summary.id, actor: actor)
        #expect(without.subsidy == nil)
        _ = try await operations.monitor.assignCase(AssignCaseRequest(id: opened.summary.id, townshipOfficial: "王干事", schoolTeacher: "李老师"), actor: actor)
        _ = try await operations.monitor.planCase(PlanCaseRequest(id: opened.summary.id, causes: [.poverty], measures: [.subsidyReferral]), actor: actor)
        let shown = try await operations.caseView(opened.summary.id, actor: actor)
        let aid = try #require(shown.subsidy)
        #expect(aid.basis.map(\.category) == [.registeredPoor] && aid.payments.count == 1 && aid.eligible == [Self.program])
        let http = try await gateway.client.get("/api/v1/cases/\(opened.summary.id)")
        #expect(http.text.contains(#""subsidy":{"#) && !RoleMatrixTests.holdsFullIDNumber(http.text))
        await gateway.stop()
    }
}
