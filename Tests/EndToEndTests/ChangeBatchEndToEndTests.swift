import Access
import BaoxueContracts
import BaoxueSpreadsheet
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// A file of status changes through the real processes (decision 109): refused rows named by row
/// and column, a dry run writing nothing, then the run doing what the dry run said.
@Suite struct ChangeBatchEndToEndTests {
    @Test func aFileOfChangesIsCheckedThenApplied() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(MonitorEndToEndTests.csv.utf8), actor: .localOperator())
        let key = { RosterFixtures.idNumber(sequence: $0) }
        let directory = TemporaryDirectory("baoxue-batch")
        defer { directory.remove() }
        let file = directory.file("变动.csv")
        // A school's list as offices write it: names beside the keys, CRLF, Chinese kinds.
        let rows = [
            "序号,姓名,身份证件号,变动类型,变动日期,证明材料,辍学原因,接收学校标识码",
            "1,学生1,\(key(1)),转出,,转学申请、接收证明,,\(RosterFixtures.otherSchool)",
            "2,学生2,\(key(2)),辍学,2026-13-01,学校报告,外出务工,",
            "3,学生3,\(key(3)),复学,,劝返销号记录,,",
            "4,学生4,\(key(4)),辍学,,学校报告,外出务工,",
        ]
        try Data(rows.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: file))

        let dry = try await runProduct("baoxue", ["student", "change", "--batch", file, "--dry-run", "--json"] + cluster.gatewayFlags)
        let planned = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any]
        let plannedReport = planned?["report"] as? [String: Any]
        #expect(plannedReport?["imported"] as? Int == 2, "\(dry.stdout) \(dry.stderr)")
        let refused = (plannedReport?["rejected"] as? [[String: Any]]) ?? []
        // Rows are numbered from 1 under the header, as in every import.
        #expect(refused.map { $0["row"] as? Int } == [2, 3], "row 2: a bad date, refused here; row 3: an enrolled child cannot return")
        #expect(refused.first?["column"] as? String == "变动日期")
        #expect(try await operations.registry.student(key(4), actor: .localOperator()).student.status == .enrolled, "a dry run keeps nothing")

        let run = try await runProduct("baoxue", ["student", "change", "--batch", file] + cluster.gatewayFlags)
        #expect(run.stdout.contains("2"), "\(run.stdout) \(run.stderr)")
        #expect(try await operations.registry.student(key(1), actor: .localOperator()).student.status == .transferredOut)
        #expect(try await operations.registry.student(key(4), actor: .localOperator()).student.status == .droppedOut)

        // Over HTTP, a dry run of the same file now finds both changes done.
        let again = try await http.post("/api/v1/changes/batch?dryRun=true", body: try Data(contentsOf: URL(fileURLWithPath: file)), contentType: "text/csv")
        #expect(again.status == 200)
        let report = (try JSONSerialization.jsonObject(with: again.body) as? [String: Any])?["report"] as? [String: Any]
        #expect(report?["imported"] as? Int == 0, "\(again.text)")

        // The list as the table shows it, every page, written for Excel: names, labels, masked.
        let workbook = directory.file("学生名单.xlsx")
        let listed = try await runProduct("baoxue", ["student", "list", "--limit", "2", "--out", workbook] + cluster.gatewayFlags)
        #expect(listed.status == 0 && listed.stdout.contains("已另存为"), "\(listed.stdout) \(listed.stderr)")
        let sheet = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: workbook)))
        #expect(sheet.rows.first?.contains("姓名") == true)
        #expect(sheet.rows.count == 7, "the header and all six students, though the screen showed two")
        #expect(sheet.rows.dropFirst().allSatisfy { row in row.contains { $0.contains("********") } }, "ID numbers masked")
        #expect(sheet.rows.dropFirst().contains { $0.contains("转出待接收") } && sheet.rows.dropFirst().contains { $0.contains("辍学") }, "statuses as labels")
        let csv = directory.file("cases.csv")
        let cases = try await runProduct("baoxue", ["case", "list", "--out", csv] + cluster.gatewayFlags)
        #expect(cases.status == 0, "\(cases.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)).starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte order mark, for Excel")
    }
}
