import Access
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

/// Responsibility targets and the monthly ledger through the real processes: a county operator
/// records a document over HTTP, a dropout recorded with its causes through the CLI reaches the
/// monitor and shows in the score, the month's report and the dropout ledger (townships named,
/// grades as labels), the consolidation rate says the history is too short, and a township user
/// sees only their own township.
@Suite(.serialized) struct TargetsAndLedgerTests {
    @Test func aDropoutInTheRegistryShowsInTheScoreAndTheMonthlyReport() async throws {
        // The monitor's "today" is fixed to the test's, so a run across midnight stays in one day.
        let today = Timestamp.todayInChina()
        let cluster = try await Cluster(withGateway: true, monitorEnvironment: ["MONITOR_CLOCK_TODAY": today.description])
        let http = try #require(cluster.http)
        let month = CivilMonth(today)

        // Given children 1–3 in township A and 5–6 in township B,
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let rows = (1...3).map { RosterFixtures.studentRow($0) } + (5...6).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }
        _ = try await cluster.operations.registry.importStudents(Data(([RosterFixtures.studentsHeader] + rows).joined(separator: "\r\n").utf8), actor: .localOperator())

        // when a county operator records township A's document over HTTP (once the monitor has
        // the schools from the registry's events),
        let form = #"{"year":\#(today.year),"township":"\#(RosterFixtures.township)","maxDropouts":0,"minEnrolmentRate":100,"maxOpenCases":0,"signedBy":["李县长","王镇长"],"signedOn":"\#(today)"}"#
        var added = try await http.post("/api/v1/targets", body: Data(form.utf8))
        #expect(try await eventually(every: .milliseconds(200)) {
            if added.status != 201 { added = try await http.post("/api/v1/targets", body: Data(form.utf8)) }
            return added.status == 201
        })
        #expect(try added.json()["partyKind"] as? String == "township")
        let audit = try await cluster.operations.accessStore.audit(AuditQuery(action: "target.add"))
        #expect(audit.contains { $0.user == "operator-http" && $0.outcome == "ok" })

        // it is met while every child is in school,
        var score: [String: Any] = [:]
        #expect(try await eventually(every: .milliseconds(200)) {
            score = try await scoreOfA(http, year: today.year)
            return (score["figures"] as? [String: Any])?["shouldAttend"] as? Int == 3
        })
        #expect(score["met"] as? Bool == true)

        // A dropout needs its causes from the list: an unknown one, or none, is refused with the
        // choices, in the language asked.
        let child = RosterFixtures.idNumber(sequence: 1)
        let unknown = try await runProduct("baoxue", ["student", "change", child, "--kind", "辍学", "--cause", "打工", "--documents", "学校报告"] + cluster.gatewayFlags)
        #expect(unknown.status == 2 && unknown.stderr.contains("辍学原因“打工”不在可选范围内，可选：厌学、学习困难"), "\(unknown.stderr)")
        let english = try await runProduct("baoxue", ["student", "change", child, "--kind", "dropOut", "--cause", "打工", "--lang", "en"] + cluster.gatewayFlags)
        #expect(english.status == 2 && english.stderr.contains("choose from: weariness, learningDifficulty"), "\(english.stderr)")
        let none = try await runProduct("baoxue", ["student", "change", child, "--kind", "辍学", "--reason", "不想上学"] + cluster.gatewayFlags)
        #expect(none.status == 1 && none.stderr.contains("辍学须选择原因（可多选）：厌学"), "\(none.stderr)")

        // and a dropout recorded with its causes makes it missed and opens this month's ledger.
        let recorded = try await runProduct("baoxue", ["student", "change", child, "--kind", "辍学", "--cause", "厌学,外出务工", "--reason", "不想上学", "--documents", "学校报告"] + cluster.gatewayFlags)
        #expect(recorded.status == 0 && recorded.stdout.contains("辍学原因：厌学、外出务工（说明：不想上学）"), "\(recorded.stdout)\(recorded.stderr)")
        #expect(try await eventually(every: .milliseconds(200)) {
            score = try await scoreOfA(http, year: today.year)
            return (score["figures"] as? [String: Any])?["droppedOut"] as? Int == 1
        })
        #expect(score["met"] as? Bool == false)
        let figures = try #require(score["figures"] as? [String: Any])
        #expect(figures["casesOpened"] as? Int == 1 && figures["openCases"] as? Int == 1)
        #expect((score["results"] as? [[String: Any]])?.compactMap { $0["met"] as? Bool } == [false, false, false])

        let report = try await http.get("/api/v1/ledger/report?month=\(month)").json()
        let total = try #require(report["total"] as? [String: Any])
        #expect(total["opened"] as? Int == 1 && total["openAtEnd"] as? Int == 1)
        #expect(report["dropoutsOnRegister"] as? Int == 1)
        #expect((report["byTownship"] as? [[String: Any]])?.compactMap { $0["township"] as? String } == [RosterFixtures.township])
        #expect((report["byCause"] as? [[String: Any]])?.compactMap { $0["cause"] as? String } == ["weariness", "work"], "the causes chosen, not words found in the note")

        // A township user of B sees only B: no document, no case, and A is refused.
        let other = http.with(token: try cluster.operations.accessStore.add(NewUser(name: "zhao", role: .townshipStaff, township: RosterFixtures.otherTownship)).token)
        #expect(try await other.get("/api/v1/targets").text == "[]")
        let theirs = try await other.get("/api/v1/ledger/report?month=\(month)").json()
        #expect(theirs["township"] as? String == RosterFixtures.otherTownship)
        #expect((theirs["total"] as? [String: Any])?["opened"] as? Int == 0 && (theirs["byTownship"] as? [Any])?.isEmpty == true)
        #expect(try await other.get("/api/v1/ledger/report?month=\(month)&township=\(RosterFixtures.township)").status == 403)
        let theirScore = try await other.get("/api/v1/targets/score?year=\(today.year)").json()
        #expect((theirScore["scores"] as? [Any])?.isEmpty == true && (theirScore["total"] as? [String: Any])?["shouldAttend"] as? Int == 2)
        // A township user of A sees their document.
        let own = http.with(token: try cluster.operations.accessStore.add(NewUser(name: "wang", role: .townshipStaff, township: RosterFixtures.township)).token)
        #expect(try await own.get("/api/v1/targets").text.contains(RosterFixtures.township))

        // The CLI prints the same in Chinese and writes the CSV for Excel.
        let csv = cluster.directory.file("台账月报.csv")
        let run = try await runProduct("baoxue", ["ledger", "report", "--month", month.description, "--out", csv] + cluster.gatewayFlags)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("控辍保学台账月报") && run.stdout.contains("厌学"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self).contains("按辍学原因,厌学,,0,1,0,0,1,\r\n"))
        let scored = try await runProduct("baoxue", ["target", "score", "--year", String(today.year)] + cluster.gatewayFlags)
        #expect(scored.status == 0 && scored.stdout.contains("未达标") && scored.stdout.contains("在校率"), "\(scored.stdout)\(scored.stderr)")
        // The consolidation rate needs grade-1 entries from eight school years ago: a new system
        // says its history is too short rather than show a figure.
        #expect(scored.stdout.contains("历史记录不足：最早记录\(today.year)年"), "\(scored.stdout)")
        let sheet = try await http.get("/api/v1/targets/score?year=\(today.year)").json()
        let consolidation = try #require((sheet["total"] as? [String: Any])?["consolidation"] as? [String: Any])
        #expect(consolidation["entrants"] == nil && consolidation["rate"] == nil && consolidation["historyBegins"] as? String != nil)
        #expect((sheet["consolidation"] as? [[String: Any]])?.first?["townshipName"] as? String == RosterFixtures.townshipName)
        let listed = try await runProduct("baoxue", ["target", "list", "--lang", "en"] + cluster.gatewayFlags)
        #expect(listed.stdout.contains("dropouts ≤ 0") && listed.stdout.contains("1 document\n"), "\(listed.stdout)\(listed.stderr)")

        // The dropout ledger names the township beside its code, the grade as a label, the causes
        // chosen, the guardian's phone masked, the registry's dropout date.
        let ledger = cluster.directory.file("辍学学生台账.csv")
        let exported = try await runProduct("baoxue", ["ledger", "export", "--kind", "dropout", "--out", ledger] + cluster.gatewayFlags)
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: ledger)), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.first?.contains("性别,身份证件号") == true && lines.first?.contains("乡镇,乡镇名称,学校") == true && lines.first?.contains("辍学日期") == true)
        let row = try #require(lines.dropFirst().first)
        #expect(row.contains("\(RosterFixtures.township),\(RosterFixtures.townshipName),") && row.contains(",五年级,") && row.contains("厌学、外出务工"), "\(row)")
        #expect(row.contains("138****1001") && !row.contains("13800001001") && row.contains(",\(today),"), "\(row)")
        // Lists name townships and grades too.
        let students = try await runProduct("baoxue", ["student", "list"] + cluster.gatewayFlags)
        #expect(students.stdout.contains("\(RosterFixtures.townshipName) \(RosterFixtures.township)") && students.stdout.contains("五年级"), "\(students.stdout)")
        await cluster.stop()
    }

    func scoreOfA(_ http: HTTPTestClient, year: Int) async throws -> [String: Any] {
        let sheet = try await http.get("/api/v1/targets/score?year=\(year)").json()
        return (sheet["scores"] as? [[String: Any]])?.first ?? [:]
    }

}
