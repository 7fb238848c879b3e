import Access
import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// Student aid across the real executables (registry, monitor, subsidy service, gateway): no
/// double payment under a retried request, a rerun or two batches at once; a batch killed with
/// SIGKILL between two slices and resumed on restart, every payment recorded once; coverage
/// alerts reaching a township's watcher; the Python client of docs/protocol.md.
@Suite struct SubsidyEndToEndTests {
    static let term = Term(year: 2026, season: .autumn)
    static let program = "compulsory-primary-day"
    static let actor = Actor.localOperator()

    /// The poverty office's list naming children `indices` (as `RosterFixtures.studentRow` makes
    /// them: born 2015-03-01, township 510123101).
    static func povertyCSV(_ indices: some Sequence<Int>) -> String {
        (["身份证件号,姓名,类别,户主姓名,乡镇区划代码"] + indices.map { "\(RosterFixtures.idNumber(sequence: $0)),学生\($0),建档立卡,家长\($0),\(RosterFixtures.township)" })
            .joined(separator: "\r\n") + "\r\n"
    }

    /// One school's children `indices`, in the registry and then in the subsidy service's
    /// replica, and the poverty office's list of `listed` of them as of 1 September.
    static func load(_ cluster: Cluster, children indices: ClosedRange<Int>, listed: ClosedRange<Int>? = nil) async throws {
        let operations = cluster.operations
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: actor)
        _ = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(indices).utf8), actor: actor)
        try #require(await eventually(within: .seconds(60)) { await count(cluster, "students") == indices.count }, "the subsidy replica to catch up")
        let start = FamilyRosterStart(source: .poverty, listedOn: CivilDate(parsing: "2026-09-01")!)
        _ = try await operations.subsidy.importRoster(Data(povertyCSV(listed ?? indices).utf8), start: start, actor: actor)
    }

    /// One of the subsidy service's `service.status` counts.
    static func count(_ cluster: Cluster, _ key: String) async -> Int? {
        await cluster.operations.services.status(actor: .system).first { $0.service == "subsidy" }?.health?.counts[key]
    }

    static func payments(_ cluster: Cluster) async throws -> [Payment] {
        try await cluster.operations.subsidy.payments(PaymentQuery(term: term, limit: 1_000), actor: actor)
    }

    @Test func noRetryRerunOrConcurrentBatchPaysAnyoneTwice() async throws {
        let cluster = try await Cluster()
        try await Self.load(cluster, children: 1...40)
        let client = cluster.operations.clients.subsidy
        let request = DisbursementRequest(term: Self.term, program: Self.program)
        let policy = RequestClient.Policy(timeout: .seconds(60), attempts: 1)

        // Two batches at once, each its own request: between them, everyone once.
        async let first = client.call(SubsidyMessage.runBatch, request, actor: Self.actor, policy: policy)
        async let second = client.call(SubsidyMessage.runBatch, request, actor: Self.actor, policy: policy)
        let (a, b) = try await (first, second)
        #expect(a.id != b.id && a.paid + b.paid == 40, "\(a.paid) + \(b.paid)")
        #expect(a.alreadyPaid + b.alreadyPaid <= 40)

        // A request retried with its id answers as the first time; a new one pays nobody.
        let id = MessageID.make()
        let sent = try await client.call(SubsidyMessage.runBatch, request, actor: Self.actor, requestID: id, policy: policy)
        let retried = try await client.call(SubsidyMessage.runBatch, request, actor: Self.actor, requestID: id, policy: policy)
        #expect(sent == retried && sent.paid == 0 && sent.alreadyPaid == 40)
        let rerun = try await cluster.operations.subsidy.disburse(request, actor: Self.actor)
        #expect(rerun.paid == 0 && rerun.alreadyPaid == 40)

        let payments = try await Self.payments(cluster)
        #expect(payments.count == 40 && Set(payments.map(\.studentName)).count == 40)
        #expect(payments.reduce(0) { $0 + $1.amountFen } == 40 * 25_000)
        await cluster.stop()
    }

    @Test func aBatchKilledBetweenSlicesResumesAndPaysEveryoneOnce() async throws {
        // Slices of 100 children with 3 s between them: the kill falls after the first.
        let cluster = try await Cluster(subsidyEnvironment: ["SUBSIDY_BATCH_SIZE": "100", "SUBSIDY_SLICE_PAUSE_MILLISECONDS": "3000"])
        try await Self.load(cluster, children: 1...250)
        let client = cluster.operations.clients.subsidy
        let request = DisbursementRequest(term: Self.term, program: Self.program)
        let id = MessageID.make()
        let interrupted = Task {
            try await client.call(SubsidyMessage.runBatch, request, actor: Self.actor, requestID: id, policy: .init(timeout: .seconds(2), attempts: 1))
        }
        try #require(await eventually(within: .seconds(60)) { await Self.count(cluster, "payments") == 100 }, "the first slice")
        await cluster.killSubsidy()
        #expect((try? await interrupted.value) == nil, "the caller saw no answer from the killed service")

        // Started again, the service resumes the batch by itself from its last committed slice.
        try await cluster.restartSubsidy()
        try #require(await eventually(within: .seconds(60)) { await Self.count(cluster, "runningBatches") == 0 }, "the batch to finish")
        let payments = try await Self.payments(cluster)
        #expect(payments.count == 250 && Set(payments.map(\.studentName)).count == 250, "everyone once: \(payments.count)")
        #expect(Set(payments.map(\.batch)).count == 1)

        // The caller's retry, with the same id, gets the batch it started; nothing more is paid.
        let answer = try await client.call(SubsidyMessage.runBatch, request, actor: Self.actor, requestID: id, policy: .init(timeout: .seconds(30), attempts: 2))
        #expect(answer.id == payments.first?.batch && answer.state == .done && answer.paid == 250)
        let batches = try await cluster.operations.subsidy.batches(BatchQuery(term: Self.term), actor: Self.actor)
        #expect(batches.count == 1)
        await cluster.stop()
    }

    @Test func coverageAlertsReachTheTownshipsWatcher() async throws {
        let cluster = try await Cluster()
        let operations = cluster.operations
        try await Self.load(cluster, children: 1...4, listed: 1...3)
        _ = try await operations.subsidy.disburse(DisbursementRequest(term: Self.term, program: Self.program), actor: Self.actor)
        let watcherToken = try operations.accessStore.add(NewUser(name: "chengguan-watch", role: .townshipStaff, township: RosterFixtures.township)).token
        let gateway = try ChildProcess("baoxue", ["serve", "--http", "127.0.0.1:0"] + cluster.gatewayFlags, log: cluster.directory.file("gateway.log"))
        let url = "http://\(try #require(try await gateway.ready()["http"]))"
        try await HTTPTestClient(base: url).waitUntilOK("/healthz")
        let watcher = try ChildProcess("baoxue", ["alert", "watch", "--url", url, "--token", watcherToken, "--from", "0", "--json", "--count", "2"], log: cluster.directory.file("watch.log"))

        // The bank returns child 1's payment; child 4's family joins the list after the batch.
        let payment = try #require(try await Self.payments(cluster).first { $0.studentName == "学生1" })
        _ = try await operations.subsidy.importBankResults(Data("支付编号,处理结果,失败原因\r\n\(payment.id),失败,账户已销户\r\n".utf8), actor: Self.actor)
        let later = FamilyRosterStart(source: .poverty, listedOn: CivilDate(parsing: "2026-10-01")!)
        _ = try await operations.subsidy.importRoster(Data(Self.povertyCSV(1...4).utf8), start: later, actor: Self.actor)

        try #require(await eventually(within: .seconds(60)) { !watcher.isRunning }, "the watcher to get two alerts: \(watcher.output)")
        let alerts = AlertStreamTests.received(watcher.output).map(\.1)
        #expect(alerts.count == 2)
        #expect(alerts.allSatisfy { $0["service"] as? String == "subsidy" && $0["township"] as? String == RosterFixtures.township })
        #expect(Set(alerts.compactMap { $0["rule"] as? String }) == ["subsidyPaymentFailed", "subsidyUnpaid"], "\(watcher.output)")
        #expect(!watcher.output.contains(RosterFixtures.idNumber(sequence: 1)), "alerts carry masked numbers only")
        await gateway.terminate()
        await cluster.stop()
    }

    /// The CLI face as an operator types it: a family list in, eligibility, a dry run and a
    /// batch, coverage, and the totals written for Excel.
    @Test func theCommandLine() async throws {
        let cluster = try await Cluster()
        try await Self.load(cluster, children: 1...6, listed: 1...1)
        let list = try cluster.directory.write("建档立卡.csv", Data(Self.povertyCSV(2...6).utf8))
        let flags = cluster.gatewayFlags
        let imported = try await runProduct("baoxue", ["subsidy", "import", list, "--source", "建档立卡", "--listed-on", "2026-10-01"] + flags)
        #expect(imported.status == 0 && imported.stdout.contains("匹配在册学生5人"), "\(imported.stdout)\(imported.stderr)")
        let eligible = try await runProduct("baoxue", ["subsidy", "eligible", "--term", "2026秋", "--json"] + flags)
        #expect(eligible.status == 0 && (eligible.stdout.contains("\"total\" : 6") || eligible.stdout.contains("\"total\":6")), "\(eligible.stdout)")
        let dry = try await runProduct("baoxue", ["subsidy", "disburse", "--term", "2026秋", "--program", Self.program, "--dry-run", "--lang", "en"] + flags)
        #expect(dry.status == 0 && dry.stdout.contains("Dry run (nothing recorded)") && dry.stdout.contains("Paid 6 children, ¥1500.00"), "\(dry.stdout)")
        let paid = try await runProduct("baoxue", ["subsidy", "disburse", "--term", "2026秋", "--program", Self.program] + flags)
        #expect(paid.status == 0 && paid.stdout.contains("本批发放6人"), "\(paid.stdout)")
        let refused = try await runProduct("baoxue", ["subsidy", "disburse", "--term", "2026秋", "--program", "no-such-program"] + flags)
        #expect(refused.status == 1 && refused.stderr.contains("没有资助项目“no-such-program”"), "\(refused.stderr)")
        let badTerm = try await runProduct("baoxue", ["subsidy", "coverage", "--term", "2026冬"] + flags)
        #expect(badTerm.status == 2, "\(badTerm.stderr)")
        let coverage = try await runProduct("baoxue", ["subsidy", "coverage", "--term", "2026秋"] + flags)
        #expect(coverage.status == 0 && coverage.stdout.contains("已发放6"), "\(coverage.stdout)")
        let out = cluster.directory.file("资助汇总.csv")
        let totals = try await runProduct("baoxue", ["subsidy", "totals", "--year", "2026", "--out", out] + flags)
        #expect(totals.status == 0 && totals.stdout.contains("已另存为"), "\(totals.stdout)\(totals.stderr)")
        #expect(!RosterFixtures.idNumber(sequence: 1).isEmpty && !(imported.stdout + eligible.stdout + paid.stdout + coverage.stdout).contains(RosterFixtures.idNumber(sequence: 2)), "masked everywhere")
        await cluster.stop()
    }

    /// `baoxue_call.py` and `baoxue_subsidy.py` exactly as docs/protocol.md prints them.
    @Test(.enabled("pyzmq is not installed (make deps installs it)") { await Python.has("zmq") })
    func thePythonClientOfTheProtocolDocument() async throws {
        let cluster = try await Cluster(subsidyEnvironment: ["SUBSIDY_CLOCK_TODAY": "2026-12-05"])
        let protocolDocument = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/protocol.md")
        let text = try String(contentsOf: protocolDocument, encoding: .utf8)
        func program(after heading: String) throws -> String {
            let section = try #require(text.range(of: heading), "\(heading) in docs/protocol.md")
            let start = try #require(text.range(of: "```python\n", range: section.upperBound..<text.endIndex))
            let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
            return String(text[start.upperBound..<end.lowerBound]) + "\n"
        }
        _ = try cluster.directory.write("baoxue_call.py", Data(try program(after: "### A call: `baoxue_call.py`").utf8))
        let script = try cluster.directory.write("baoxue_subsidy.py", Data(try program(after: "### 12.5 A Python client: `baoxue_subsidy.py`").utf8))
        let run = try await runCommand("/usr/bin/env", ["python3", script, cluster.registryEndpoints.requests, cluster.subsidyEndpoints.requests], timeout: .seconds(120))
        let log = run.stdout + run.stderr
        #expect(run.status == 0, "\(log)")
        #expect(log.contains("roster: {'rows': 3, 'matched': 2, 'unmatched': 1, 'unmatchedSchoolAge': 1, 'joined': 3}"), "\(log)")
        #expect(log.contains("retry answers batch 1 paid 1") && log.contains("rerun: paid 0 alreadyPaid 1"), "\(log)")
        #expect(log.contains("refused: subsidy.unknownProgram") && log.contains("totals 2026: 1 person-times, 50000 fen, county share 10000 fen"), "\(log)")
        await cluster.stop()
    }
}
