import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// The roster import, the cross-check and the ledgers through the gateway core, against the real
/// registry and monitor in this process: rows checked and reported, scope held by the monitor,
/// numbers masked, every bulk read and write audited.
@Suite struct CrosscheckGatewayTests {
    static let townshipA = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")
    static let townshipB = Actor(user: "liu", role: "township-staff", township: RosterFixtures.otherTownship, via: "test")
    static let schoolOne = Actor(user: "li", role: "school-staff", school: RosterFixtures.school, via: "test")
    static let viewer = Actor(user: "zhao", role: "viewer", via: "test")
    static let header = "姓名,身份证件号,户籍地区划代码,监护人姓名,监护人电话"

    static func row(_ sequence: Int, region: String = RosterFixtures.township + "201", name: String? = nil) -> String {
        "\(name ?? "儿童\(sequence)"),\(RosterFixtures.idNumber(sequence: sequence)),\(region),家长\(sequence),1390000\(String(1000 + sequence).suffix(4))"
    }

    static func csv(_ rows: [String]) -> Data {
        Data((([header] + rows).joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func hasFullIDNumber(_ text: String) -> Bool { text.contains(try! Regex("[0-9]{17}[0-9Xx]")) }

    @Test func rosterImportReportsBadRowsAndDuplicatesAndChangesNothingTheSecondTime() async throws {
        let services = try await InProcessServices()
        let operations = services.operations
        let data = Self.csv((1...5).map { Self.row($0) } + [Self.row(2, name: "重复"), Self.row(7, region: "5101")])

        let outcome = try await operations.crosscheck.importRoster(data, actor: .localOperator(), batchSize: 2)
        #expect(outcome.report.imported == 5 && outcome.rows == 7)
        #expect(outcome.report.rejected.map(\.row) == [6, 7])
        #expect(outcome.report.rejected[0].column == "身份证件号" && outcome.report.rejected[0].reason.contains("第2行"))
        #expect(outcome.report.rejected[1].column == "户籍地区划代码")

        let again = try await operations.crosscheck.importRoster(data, actor: .localOperator())
        #expect(again.report.unchanged == 5 && again.report.imported == 0 && again.report.updated == 0)

        #expect(await errorCode { _ = try await operations.crosscheck.importRoster(data, actor: Self.townshipA) } == "scope.forbidden")
        let lines = try await operations.accessStore.audit(AuditQuery(action: "roster.import", limit: 10))
        #expect(lines.count == 3 && lines.contains { $0.outcome == "scope.forbidden" })
        #expect(lines.contains { $0.detail?.contains("imported 5") == true })
        #expect(lines.allSatisfy { !Self.hasFullIDNumber(($0.detail ?? "") + ($0.subject ?? "")) })
        await services.stop()
    }

    @Test func theCrossCheckThroughTheCoreIsScopedMaskedAndAudited() async throws {
        let services = try await InProcessServices()
        let operations = services.operations
        let county = Actor.localOperator()
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: county)
        let students = [RosterFixtures.studentsHeader] + (1...3).map { RosterFixtures.studentRow($0) } + (4...5).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }
        _ = try await operations.registry.importStudents(Data(students.joined(separator: "\r\n").utf8), actor: county)
        // Children 1–5 are registered; 8 lives in township A, 9 in township B, 10 is registered
        // only at county level.
        _ = try await operations.crosscheck.importRoster(Self.csv((1...5).map { Self.row($0) } + [Self.row(8), Self.row(9, region: RosterFixtures.otherTownship + "202"), Self.row(10, region: "510123")]), actor: county)
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(30))

        #expect(await errorCode { _ = try await operations.crosscheck.runCrosscheck(actor: Self.townshipA) } == "scope.forbidden")
        let report = try await operations.crosscheck.runCrosscheck(actor: county)
        #expect(report.byReason.rosterNotEnrolled == 3 && report.opened == 3 && report.open == 3)

        let mine = try await operations.crosscheck.suspects(SuspectQuery(), actor: Self.townshipA)
        #expect(mine.map(\.studentName) == ["儿童8"])
        #expect(try await operations.crosscheck.suspects(SuspectQuery(), actor: Self.viewer).count == 3)
        #expect(try await operations.crosscheck.suspects(SuspectQuery(), actor: Self.schoolOne).isEmpty)
        #expect(await errorCode { _ = try await operations.crosscheck.suspects(SuspectQuery(township: RosterFixtures.otherTownship), actor: Self.townshipA) } == "scope.forbidden")
        let all = try await operations.crosscheck.suspects(SuspectQuery(limit: 10), actor: county)
        #expect(!Self.hasFullIDNumber(String(decoding: try JSONEncoder().encode(all), as: UTF8.self)))

        let theirs = try #require(all.first { $0.studentName == "儿童9" })
        #expect(await errorCode { _ = try await operations.crosscheck.verifySuspect(SuspectVerification(id: theirs.id, category: .overAge), actor: Self.townshipA) } == "scope.forbidden")
        let refused = try await operations.accessStore.audit(AuditQuery(action: "crosscheck.verify", limit: 10))
        #expect(refused.first?.outcome == "scope.forbidden" && refused.first?.subject == "疑似编号\(theirs.id) (suspect \(theirs.id))")
        let verified = try await operations.crosscheck.verifySuspect(SuspectVerification(id: mine[0].id, category: .movedUnreachable, note: "全家外出务工"), actor: Self.townshipA)
        #expect(verified.state == .verified && verified.verifiedBy == "wang")
        // The audit line is filed under the child: found by the ID number.
        let lines = try await operations.accessStore.audit(AuditQuery(student: RosterFixtures.idNumber(sequence: 8), limit: 10))
        #expect(lines.map(\.action) == ["crosscheck.verify"] && lines.first?.detail == "movedUnreachable")
        #expect(lines.first?.subject?.contains("儿童8") == true && !Self.hasFullIDNumber(lines.first?.subject ?? ""))

        let ledger = try await operations.crosscheck.ledger(LedgerRequest(kind: .suspect), actor: Self.townshipA)
        #expect(ledger.rows.count == 1)
        let csv = LedgerCSV.render(ledger)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("疑似编号,姓名,身份证件号") && text.contains("\r\n") && !Self.hasFullIDNumber(text))
        #expect(try await operations.crosscheck.ledger(LedgerRequest(kind: .schoolAge), actor: county).rows.count == 8)
        #expect(await errorCode { _ = try await operations.crosscheck.ledger(LedgerRequest(kind: .dropout, township: RosterFixtures.otherTownship), actor: Self.townshipA) } == "scope.forbidden")
        #expect(try await operations.accessStore.audit(AuditQuery(action: "ledger.export", limit: 10)).map(\.outcome).sorted() == ["ok", "ok", "scope.forbidden"])
        await services.stop()
    }

    @Test func ledgerCSVEscapesWhatExcelWouldMisread() {
        let table = LedgerTable(kind: .suspect, headers: ["姓名", "户籍地区划代码", "乡镇"], rows: [
            ["张,三", "510123101201", "510123101"],
            ["say \"hi\"", "510123", ""],
            ["两行\n名字", "=1+1", "-2"],
        ])
        let data = LedgerCSV.render(table)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "姓名,户籍地区划代码,乡镇\r\n\"张,三\",=\"510123101201\",510123101\r\n\"say \"\"hi\"\"\",510123,\r\n\"两行\n名字\",\"'=1+1\",\"'-2\"\r\n")
    }
}
