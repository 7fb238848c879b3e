import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// The care service as a county uses it, across the real processes (registry, monitor, care and
/// the gateway): a monitor warning on a left-behind child reaches the child's surrogate parent;
/// the care service killed with SIGKILL catches up with nothing lost or doubled; a micro-wish goes
/// from posting to fulfilment while donors see no personal data; a Python client written from
/// docs/protocol.md talks to it.
@Suite struct CareEndToEndTests {
    /// Six rural children (four at the first school, two at the other), each a 双亲留守 in the
    /// registry: what the care service's replica learns from the registry's events.
    static func studentsCSV(_ indices: some Sequence<Int>) -> String {
        let rows = indices.map { index in
            let school = index > 4 && index < 100 ? RosterFixtures.otherSchool : RosterFixtures.school
            return RosterFixtures.studentRow(index, school: school).replacingOccurrences(of: ",非留守,", with: ",双亲留守,") + ",农业户口"
        }
        return ([RosterFixtures.studentsHeader + ",户口性质"] + rows).joined(separator: "\r\n") + "\r\n"
    }

    static let actor = Actor.localOperator()

    /// A family with both parents away: on civil affairs' ledger.
    static func family(_ index: Int, enteredOn: CivilDate? = nil) -> LedgerEntryRequest {
        LedgerEntryRequest(
            student: RosterFixtures.idNumber(sequence: index), father: ParentRecord(situation: .away, place: "广东东莞"), mother: ParentRecord(situation: .away, place: "浙江义乌"),
            guardian: Guardian(name: "祖母\(index)", relation: .grandparent, age: 66, phone: "13900002222", health: .fair), director: CareContact(name: "村儿童主任"), enteredOn: enteredOn)
    }

    /// Schools and children in the registry, the care service caught up, children `onLedger`
    /// recorded and given one surrogate parent; answers the surrogate's id.
    static func setUp(_ cluster: Cluster, students: ClosedRange<Int> = 1...6, onLedger: [Int] = [1, 2]) async throws -> Int64 {
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: actor)
        _ = try await operations.registry.importStudents(Data(studentsCSV(students).utf8), actor: actor)
        try await operations.services.waitToCatchUp(.care, following: .registry, timeout: .seconds(30))
        let surrogate = try await operations.care.registerSurrogate(SurrogateRequest(name: "陈老师", kind: .teacher, phone: "13600003333", school: RosterFixtures.school), actor: actor)
        for index in onLedger {
            let entry = try await operations.care.recordChild(family(index), actor: actor)
            #expect(entry.state == .active && entry.reasons == [.bothParentsAway])
            _ = try await operations.care.assign(AssignmentRequest(student: RosterFixtures.idNumber(sequence: index), surrogate: surrogate.id), actor: actor)
        }
        return surrogate.id
    }

    static func dropOut(_ index: Int, _ cluster: Cluster) async throws {
        let request = StatusChangeRequest(student: RosterFixtures.idNumber(sequence: index), kind: .dropOut, date: Timestamp.todayInChina().adding(days: -1), documents: ["学校报告"], causes: [.weariness])
        _ = try await cluster.operations.registry.changeStatus(request, actor: actor)
    }

    static func monitorNotices(_ cluster: Cluster, surrogate: Int64) async throws -> [Notice] {
        try await cluster.operations.care.notices(NoticeQuery(surrogate: surrogate, limit: 1_000), actor: actor).filter { $0.source != .careAlert }
    }

    @Test func aMonitorWarningOnALeftBehindChildReachesTheSurrogateParent() async throws {
        let cluster = try await Cluster()
        let surrogate = try await Self.setUp(cluster)

        // When: the school reports child 1 (on the ledger) and child 3 (not on it) as dropouts.
        try await Self.dropOut(1, cluster)
        try await Self.dropOut(3, cluster)

        // Then: the monitor's alert on child 1 reaches the surrogate parent, once; child 3 has none.
        try #require(await eventually { try await Self.monitorNotices(cluster, surrogate: surrogate).count == 1 }, "the surrogate is told")
        try await cluster.operations.services.waitToCatchUp(.care, following: .monitor, timeout: .seconds(30))
        let notices = try await Self.monitorNotices(cluster, surrogate: surrogate)
        #expect(notices.count == 1)
        #expect(notices.first?.studentName == "学生1")
        #expect(notices.first?.source == .monitorAlert && notices.first?.rule == .dropoutReported)
        #expect(notices.first?.text.contains("【代理家长提醒】") == true)
        #expect(notices.first.map { !$0.student.contains(RosterFixtures.idNumber(sequence: 1)) } == true, "a notice never carries the full number")
        // The child's care record, as the case file shows it, names the surrogate parent.
        let record = try await cluster.operations.care.child(RosterFixtures.idNumber(sequence: 1), actor: Self.actor)
        #expect(record.entry.surrogate?.name == "陈老师")
        await cluster.stop()
    }

    /// The warning also goes to the surrogate parent's own webhook, through the gateway's
    /// follower of the care service: one delivery, for that surrogate's webhook only.
    @Test func aSurrogatesWebhookIsGivenTheWarning() async throws {
        let cluster = try await Cluster(withGateway: true)
        let surrogate = try await Self.setUp(cluster)
        let nowhere = ClosedPort()
        let url = "http://127.0.0.1:\(nowhere.port)/cgi-bin/webhook/send?key=SECRET"
        let added = try await runProduct("baoxue", ["webhook", "add", "--name", "陈老师", "--kind", "wecom", "--surrogate", "\(surrogate)", "--url", url] + cluster.gatewayFlags)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("代理家长 \(surrogate)"))
        let other = try await runProduct("baoxue", ["webhook", "add", "--name", "其他代理家长", "--surrogate", "\(surrogate + 100)", "--url", url] + cluster.gatewayFlags)
        #expect(other.status == 0, "\(other.stderr)")

        try await Self.dropOut(1, cluster)
        let deliveries = { () async throws -> [[String: Any]] in
            let run = try await runProduct("baoxue", ["alert", "deliveries", "--json"] + cluster.gatewayFlags)
            return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]) ?? []
        }
        try #require(await eventually { try await deliveries().contains { $0["purpose"] as? String == "notice" } }, "a notice delivery for the surrogate")
        let notices = try await deliveries().filter { $0["purpose"] as? String == "notice" }
        #expect(notices.count == 1)
        #expect(notices.first?["webhook"] as? String == "陈老师")
        nowhere.close()
        await cluster.stop()
    }

    @Test func aCareServiceKilledCatchesUpWithNothingLostOrDoubled() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        let surrogate = try await Self.setUp(cluster)
        try await Self.dropOut(1, cluster)
        try #require(await eventually { try await Self.monitorNotices(cluster, surrogate: surrogate).count == 1 })

        // When: care is killed with SIGKILL, and meanwhile the registry gains two children and
        // the monitor warns about child 2, on the ledger.
        await cluster.killCare()
        _ = try await operations.registry.importStudents(Data(Self.studentsCSV(101...102).utf8), actor: Self.actor)
        try await Self.dropOut(2, cluster)
        try await cluster.restartCare()

        // Then: it replays what it missed: the new children are known, the warning reached the
        // surrogate, and nothing before the kill was applied twice.
        try await operations.services.waitToCatchUp(.care, following: .registry, timeout: .seconds(30))
        try await operations.services.waitToCatchUp(.care, following: .monitor, timeout: .seconds(30))
        let entry = try await operations.care.recordChild(Self.family(101), actor: Self.actor)
        #expect(entry.state == .active, "a child added while care was down is in its replica")
        let notices = try await Self.monitorNotices(cluster, surrogate: surrogate)
        #expect(notices.map(\.studentName).sorted() == ["学生1", "学生2"])

        // A second kill without anything new changes nothing.
        await cluster.killCare()
        try await cluster.restartCare()
        try await operations.services.waitToCatchUp(.care, following: .monitor, timeout: .seconds(30))
        #expect(try await Self.monitorNotices(cluster, surrogate: surrogate).count == 2)
        let ledger = try await operations.care.ledger(LedgerQuery(limit: 100), actor: Self.actor)
        #expect(ledger.count == 3 && Set(ledger.map(\.studentName)) == ["学生1", "学生2", "学生101"])
        await cluster.stop()
    }

    @Test func aWishGoesFromPostingToFulfilmentWithoutExposingTheChild() async throws {
        let cluster = try await Cluster(withGateway: true)
        let http = try #require(cluster.http)
        _ = try await Self.setUp(cluster, onLedger: [1])
        let id = RosterFixtures.idNumber(sequence: 1)

        // Posted over HTTP, claimed by a donor, fulfilled.
        let posted = try await http.post("/api/v1/care/wishes", body: Data(#"{"student": "\#(id)", "wish": "一双运动鞋", "value": 120}"#.utf8))
        #expect(posted.status == 201, "\(posted.text)")
        let wish = try #require(try posted.json()["id"] as? Int)
        let donors = try await http.get("/api/v1/care/wishes/donor?state=posted")
        #expect(donors.status == 200)
        let listed = try donors.json(array: true)
        #expect(listed.count == 1 && listed.first?["givenName"] as? String == "生1", "the given name: what follows the surname")
        #expect(Set(listed.first?.keys.map { $0 } ?? []) == ["id", "givenName", "grade", "schoolName", "wish", "value", "state", "postedOn"])
        for secret in [id, "G" + id, "学生1", "祖母1", "13900002222", "\(RosterFixtures.township)201", "家长1"] {
            #expect(!donors.text.contains(secret), "the donor list never shows \(secret)")
        }
        let claimed = try await http.post("/api/v1/care/wishes/\(wish)/claim", body: Data(#"{"donor": "爱心企业", "donorPhone": "13500004444"}"#.utf8))
        #expect(claimed.status == 200, "\(claimed.text)")
        #expect(try await http.get("/api/v1/care/wishes/donor?state=posted").json(array: true).isEmpty, "a claimed wish leaves the donors' list of open wishes")
        let fulfilled = try await http.post("/api/v1/care/wishes/\(wish)/fulfil", body: Data(#"{"note": "已送到学校"}"#.utf8))
        #expect(try fulfilled.json()["state"] as? String == "fulfilled")
        let withdrawn = try await http.post("/api/v1/care/wishes/\(wish)/withdraw", body: Data(#"{"reason": "重复"}"#.utf8))
        #expect(withdrawn.status == 409 && withdrawn.text.contains("care.wishState"))

        // The CLI's donor list carries no more than HTTP's, and the figures count the wish.
        let cli = try await runProduct("baoxue", ["care", "wish", "donors", "--json"] + cluster.gatewayFlags)
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(!cli.stdout.contains(id) && !cli.stdout.contains("学生1") && !cli.stdout.contains("祖母1"))
        let figures = try await cluster.operations.care.figures(CareFiguresQuery(year: Timestamp.todayInChina().year), actor: Self.actor)
        #expect(figures.wishesPosted == 1 && figures.wishesFulfilled == 1)
        await cluster.stop()
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("protocol/care_client.py")

    @Test(.enabled("pyzmq is not installed (make deps installs it)") { await Python.has("zmq") })
    func aPythonClientFromTheProtocolDocumentCallsAndFollowsCare() async throws {
        let cluster = try await Cluster()
        let run = try await runCommand("/usr/bin/env", ["python3", Self.script.path, cluster.registryEndpoints.requests, cluster.careEndpoints.requests, cluster.careEndpoints.events], timeout: .seconds(60))
        let log = run.stdout + run.stderr
        #expect(run.status == 0, "\(log)")
        #expect(log.contains(" passed, 0 failed"), "\(log)")
        await cluster.stop()
    }

    /// The client the tests run is the one the protocol document prints, byte for byte.
    @Test func theProtocolDocumentPrintsThePythonClient() throws {
        let document = try String(contentsOf: Self.script.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        let script = try String(contentsOf: Self.script, encoding: .utf8)
        #expect(document.contains("```python\n" + script + "```"))
    }
}
