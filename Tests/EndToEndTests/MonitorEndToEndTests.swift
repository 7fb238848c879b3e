import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Access
import Gateway
import Testing

/// The monitor as a county uses it, across the real processes: a reported dropout worked to a
/// closed case from the CLI and HTTP, and a monitor killed in the middle of a burst that catches
/// up to exactly the registry's state.
@Suite struct MonitorEndToEndTests {
    static let csv = ([RosterFixtures.studentsHeader] + (1...4).map { RosterFixtures.studentRow($0) } + (5...6).map { RosterFixtures.studentRow($0, school: RosterFixtures.otherSchool) }).joined(separator: "\n")

    static func json(_ result: CommandResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func aDropoutIsWorkedToZeroFromTheCLIAndHTTP() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        let operations = cluster.operations
        let vocational = "2510123301"
        _ = try await operations.registry.importSchools(Data((RosterFixtures.schoolsCSV() + "\(vocational),青禾县职业中学,职业中学,\(RosterFixtures.township)\r\n").utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(Self.csv.utf8), actor: .localOperator())
        let id = RosterFixtures.idNumber(sequence: 1)
        let township = http.with(token: try operations.accessStore.add(NewUserFixture.township()).token)
        let other = http.with(token: try operations.accessStore.add(NewUserFixture.otherTownship()).token)

        // The school reports the dropout in the registry; the monitor opens a case and alerts.
        let dropout = try await runProduct("baoxue", ["student", "change", id, "--kind", "辍学", "--cause", "厌学", "--documents", "学校报告"] + cluster.gatewayFlags)
        #expect(dropout.status == 0, "\(dropout.stderr)")
        try #require(await eventually { try await township.get("/api/v1/alerts").json(array: true).count == 1 }, "the dropout alert")
        #expect(try await other.get("/api/v1/alerts").json(array: true).isEmpty, "another township never sees it")
        let cases = try await township.get("/api/v1/cases").json(array: true)
        let caseID = try #require(cases.first?["id"] as? Int)
        #expect(cases.first?["causes"] as? [String] == ["weariness"])
        #expect(!(try await township.get("/api/v1/cases").text).contains(id), "lists never carry the full ID number")
        #expect(try await other.get("/api/v1/cases/\(caseID)").status == 403)

        // Nothing moves before both lines are named.
        let early = try await township.post("/api/v1/cases/\(caseID)/plan", body: Data(#"{"causes":["厌学"],"measures":["上门劝返","心理疏导"]}"#.utf8))
        #expect(early.status == 409)
        #expect(early.text.contains("case.unassigned"))
        let assigned = try await runProduct("baoxue", ["case", "assign", "\(caseID)", "--township-official", "王乡长", "--school-teacher", "李老师"] + cluster.gatewayFlags)
        #expect(assigned.status == 0, "\(assigned.stderr)")
        #expect(try await township.post("/api/v1/cases/\(caseID)/plan", body: Data(#"{"causes":["厌学"],"measures":["上门劝返","心理疏导"]}"#.utf8)).status == 200)
        let visit = try await runProduct("baoxue", ["case", "visit", "\(caseID)", "--visitors", "王乡长,李老师", "--outcome", "家长同意返校", "--campaign", "千名教师访万家"] + cluster.gatewayFlags)
        #expect(visit.status == 0, "\(visit.stderr)")
        #expect(try await township.post("/api/v1/cases/\(caseID)/steps", body: Data(#"{"step":"townshipNotice","note":"限期入学"}"#.utf8)).status == 201)
        #expect(try await township.post("/api/v1/cases/\(caseID)/close", body: Data(#"{"outcome":"returned"}"#.utf8)).status == 409, "a return is recorded in the registry")

        // The return through the registry closes the case into probation and resolves the alert.
        let back = try await http.post("/api/v1/students/\(id)/changes", body: Data(#"{"kind":"return","documents":["劝返销号记录"]}"#.utf8))
        #expect(back.status == 201)
        try #require(await eventually { try await township.get("/api/v1/cases/\(caseID)").json()["summary"].flatMap { ($0 as? [String: Any])?["state"] as? String } == "probation" }, "probation")
        #expect(try await township.get("/api/v1/alerts").json(array: true).isEmpty)

        // An unexplained absence during probation reopens the same case.
        let absent = try await runProduct("baoxue", ["absence", "report", "--student", id] + cluster.gatewayFlags)
        #expect(absent.status == 0, "\(absent.stderr)")
        let reopened = try await township.get("/api/v1/cases/\(caseID)").json()["summary"] as? [String: Any]
        #expect(reopened?["state"] as? String == "open")
        #expect(reopened?["reopened"] as? Int == 1)

        // Worked to zero: placed in the vocational school. Closing by hand is refused with the
        // registry command (decision 82); the transfer into that school closes the case as
        // vocational, and the township's ledger has no open case.
        let byHand = try await township.post("/api/v1/cases/\(caseID)/close", body: Data(#"{"outcome":"职业学校就读"}"#.utf8))
        #expect(byHand.status == 409 && String(decoding: byHand.body, as: UTF8.self).contains("case.placementNotRecorded"))
        for step in [["--kind", "转出", "--to-school", vocational, "--documents", "转学申请,接收证明"], ["--kind", "转入", "--to-school", vocational, "--grade", "高一", "--documents", "转出证明"]] {
            let moved = try await runProduct("baoxue", ["student", "change", id] + step + cluster.gatewayFlags)
            #expect(moved.status == 0, "\(moved.stderr)")
        }
        try #require(await eventually { try await township.get("/api/v1/cases/\(caseID)").json()["summary"].flatMap { ($0 as? [String: Any])?["outcome"] as? String } == "vocational" }, "placed")
        #expect(try await township.get("/api/v1/cases?state=open").json(array: true).isEmpty)
        let listed = try await runProduct("baoxue", ["case", "list", "--state", "probation", "--json"] + cluster.gatewayFlags)
        #expect((try Self.json(listed) as? [[String: Any]])?.first?["outcome"] as? String == "vocational")
        let show = try await runProduct("baoxue", ["case", "show", "\(caseID)", "--lang", "en"] + cluster.gatewayFlags)
        #expect(show.stdout.contains("townshipNotice") && show.stdout.contains("reopened"))
        // Each case action left an audit line.
        let audit = try await runProduct("baoxue", ["audit", "list", "--action", "case.visit", "--json"] + cluster.gatewayFlags)
        #expect((try Self.json(audit) as? [[String: Any]])?.count == 1)
        await cluster.stop()
    }

    @Test func aMonitorKilledDuringABurstCatchesUpExactly() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        // 4,000 children added, then 1,000 status changes: 5,000 registry events and more.
        _ = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...4_000).utf8), actor: .localOperator())
        let burst = Task {
            for index in 1...1_000 {
                let key = RosterFixtures.studentRow(index).split(separator: ",")[3]
                let request = index % 2 == 0
                    ? StatusChangeRequest(student: String(key), kind: .dropOut, date: Timestamp.todayInChina(), documents: ["学校报告"], causes: [.weariness])
                    : StatusChangeRequest(student: String(key), kind: .transferOut, date: Timestamp.todayInChina().adding(days: -20), documents: ["转学申请", "接收证明"])
                _ = try await operations.registry.changeStatus(request, actor: .localOperator())
            }
        }
        // Kill the monitor part-way through the changes.
        try #require(await eventually { (try await cluster.health().lastSeq) > 4_300 }, "the burst to be under way")
        await cluster.killMonitor()
        try await burst.value
        try await cluster.restartMonitor()
        let registrySeq = try await cluster.health().lastSeq
        try #require(await eventually {
            let monitor = await operations.services.status(actor: .system).first { $0.service == "monitor" }?.health
            return monitor?.cursor(following: .registry) == registrySeq
        }, "the monitor to catch up")
        // service.status says whom the monitor follows and how far it has got.
        // (Eventually: the subscriber moves its in-memory cursor just after the commit the count reads.)
        try #require(await eventually {
            guard let following = await operations.services.status(actor: .system).first(where: { $0.service == "monitor" })?.health?.subscriptions.first else { return false }
            return following.publisher == "registry" && following.cursor == registrySeq && following.lag == 0 && !following.stale
        }, "service.status to show the monitor following the registry")
        _ = try await operations.monitor.sweep(actor: .localOperator())

        // The replica equals the registry, child by child.
        let registry = try DatabaseQueue(path: cluster.directory.file("data/registry.sqlite"))
        let monitor = try DatabaseQueue(path: cluster.directory.file("data/monitor.sqlite"))
        let expected = try await registry.read { db in try Row.fetchAll(db, sql: "SELECT student_number, status FROM student ORDER BY student_number").map { "\($0[0] as String) \($0[1] as String)" } }
        let replica = try await monitor.read { db in try Row.fetchAll(db, sql: "SELECT number, status FROM student ORDER BY number").map { "\($0[0] as String) \($0[1] as String)" } }
        #expect(expected.count == 4_000)
        #expect(replica == expected)
        // Every dropout has exactly one alert and one case, every overdue transfer one alert.
        let counts = try await monitor.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE rule = 'dropoutReported'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE rule = 'transferNotReceived'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dropout_case") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT student, rule FROM alert GROUP BY student, rule HAVING COUNT(*) > 1)") ?? 0)
        }
        #expect(counts.0 == 500)
        #expect(counts.1 == 500)
        #expect(counts.2 == 500)
        #expect(counts.3 == 0)
        await cluster.stop()
    }
}

/// Users for the tests: township staff of the fixture township and of the other one.
enum NewUserFixture {
    static func township() -> Access.NewUser { Access.NewUser(name: "wang-\(UUID().uuidString.prefix(6))", role: .townshipStaff, township: RosterFixtures.township) }
    static func school() -> Access.NewUser { Access.NewUser(name: "li-\(UUID().uuidString.prefix(6))", role: .schoolStaff, school: RosterFixtures.school) }
    static func otherTownship() -> Access.NewUser { Access.NewUser(name: "zhao-\(UUID().uuidString.prefix(6))", role: .townshipStaff, township: RosterFixtures.otherTownship) }
}

extension HTTPTestClient.Reply {
    /// The body as a JSON array of objects.
    func json(array: Bool) throws -> [[String: Any]] {
        (try JSONSerialization.jsonObject(with: body) as? [[String: Any]]) ?? []
    }
}
