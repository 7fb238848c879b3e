import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueService
import Delivery
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// `baoxue bench alerts`: the time from a status change accepted by the registry to the alert
/// received by an SSE client, through the real registry and monitor processes and the gateway's
/// follower, feed and stream, beside raw libzmq PUB/SUB latency measured in the same run.
struct BenchAlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "预警时延基准：学籍变动 → 监测 → 网关 → SSE客户端 (alert latency benchmark)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "每秒变动数 (status changes a second)") var rate: Int = 200
    @Option(help: "持续秒数 (seconds)") var seconds: Int = 20

    func run() async throws {
        guard (1...2_000).contains(rate), (1...600).contains(seconds) else {
            throw CommandFailure(options.say("--rate 1–2000，--seconds 1–600", "--rate 1–2000, --seconds 1–600"), exitCode: 2)
        }
        LogSetup.bootstrap(level: .warning)
        let logger = Logger(label: "baoxue.bench")
        let changes = rate * seconds
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-bench-alerts-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let raw = RawBaselines.zeroMQPublishLatency(messages: min(changes, 4_000), rate: rate)

        // Real registry and monitor processes; the gateway's parts in this process.
        let base = FreePorts.base(count: 4)
        let ports = PortPlan(base: base)
        var children: [Process] = []
        defer { for child in children { child.terminate() } }
        for service in ["registry", "monitor"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Executables.path("baoxue-\(service)"))
            process.arguments = ["--port-base", String(base), "--data", work.appendingPathComponent("data").path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            children.append(process)
        }
        let access = try AccessStore(dataDirectory: work.appendingPathComponent("gateway").path)
        let operations = Operations(clients: try await ServiceClients(ports: ports), access: access)
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: work.appendingPathComponent("gateway").path))
        let follower = AlertFollower(feed: hub.feed, broadcaster: hub.broadcaster, loop: operations.clients.loop, requests: operations.clients.monitor, eventsEndpoint: ports.events("monitor"), curve: nil, logger: logger)
        let following = Task { try await follower.subscriber.run() }
        defer { following.cancel() }
        let httpPort = FreePorts.base(count: 1)
        let app = Application(router: GatewayHTTP.router(operations: operations, metrics: nil, alerts: hub), configuration: .init(address: .hostname("127.0.0.1", port: httpPort)), logger: logger)
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { serving.cancel() }

        // A county with a child for every change, loaded and followed.
        print(options.say("准备演示县（\(changes)次变动）……", "Preparing a county for \(changes) changes…"))
        let county = DemoCounty.generate(students: changes + changes / 4 + 500, seed: 11, today: Timestamp.todayInChina())
        _ = try await operations.importSchools(Data(county.schoolsCSV().utf8), townshipNames: county.townshipNames, actor: .localOperator(via: "bench"))
        _ = try await operations.importStudents(Data(county.studentsCSV().utf8), actor: .localOperator(via: "bench"))
        try await DemoLoader.waitForMonitor(operations)
        let token = try access.add(NewUser(name: "bench", role: .countyOperator)).token
        let url = URL(string: "http://127.0.0.1:\(httpPort)/api/v1/alerts/stream")!
        for _ in 0..<100 where (try? await HTTPProbe.ok("http://127.0.0.1:\(httpPort)/openapi.json")) != true { try await Task.sleep(for: .milliseconds(50)) }

        // The SSE client: when each child's dropout alert arrives.
        let (client, _) = EventStreamClient.open(url: url, token: token, lastEventID: nil, language: "en")
        let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])
        let receiving = Task {
            for try await event in client.events where event.event == "alert" {
                let now = ContinuousClock.now
                guard let alert = try? JSONDecoder().decode(Alert.self, from: Data(event.data.utf8)), alert.state == .open, alert.rule == .dropoutReported else { continue }
                arrivals.withLock { $0["\(alert.studentName)|\(alert.student)"] = now }
            }
        }
        defer { receiving.cancel() }
        try await Task.sleep(for: .milliseconds(300))

        // Paced status changes: a dropout each 1/rate s, each timed from the registry's reply.
        let candidates = county.students.filter { $0.grade >= 2 }.prefix(changes)
        var accepted: [String: ContinuousClock.Instant] = [:]
        let started = ContinuousClock.now
        let interval = Duration.seconds(1) / rate
        let progress = ProgressBar(label: options.say("变动", "changes"))
        for (index, student) in candidates.enumerated() {
            let due = started + interval * index
            if due > ContinuousClock.now { try await Task.sleep(until: due) }
            let request = StatusChangeRequest(student: student.identityKey, kind: .dropOut, date: county.today, documents: ["学校报告"], reason: "厌学")
            _ = try await operations.changeStatus(request, actor: .localOperator(via: "bench"))
            accepted["\(student.name)|\(student.studentNumber.masked)"] = ContinuousClock.now
            progress.update(done: index + 1, total: candidates.count)
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while arrivals.withLock({ $0.count }) < accepted.count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let received = arrivals.withLock { $0 }
        let latencies = accepted.compactMap { key, sent in received[key].map { ($0 - sent).seconds * 1e6 } }
        let measured = Percentiles(latencies)
        let achieved = Double(candidates.count) / (ContinuousClock.now - started).seconds

        let result = AlertBenchResult(
            changes: candidates.count, received: latencies.count, rateRequested: rate, rateAchieved: achieved,
            latencyMicroseconds: measured, rawPublishSubscribeMicroseconds: raw)
        try options.emit(result) {
            func ms(_ microseconds: Double) -> String { String(format: "%.2f ms", microseconds / 1_000) }
            return options.say("""
                预警时延（学籍受理变动 → SSE客户端收到预警），\(result.changes)次变动，收到\(result.received)条，目标\(rate)/s，实际\(String(format: "%.0f", achieved))/s
                  p50 \(ms(measured.p50))   p99 \(ms(measured.p99))   max \(ms(measured.max))    （目标 p50 ≤ 5 ms，p99 ≤ 25 ms）
                原始 libzmq PUB→SUB 单跳（同次运行）：p50 \(ms(raw.p50))   p99 \(ms(raw.p99))   max \(ms(raw.max))
                """, """
                Alert latency (status change accepted by the registry → alert received by an SSE client): \(result.changes) changes, \(result.received) received, \(rate)/s asked, \(String(format: "%.0f", achieved))/s achieved
                  p50 \(ms(measured.p50))   p99 \(ms(measured.p99))   max \(ms(measured.max))    (target p50 ≤ 5 ms, p99 ≤ 25 ms)
                Raw libzmq PUB→SUB hop (same run): p50 \(ms(raw.p50))   p99 \(ms(raw.p99))   max \(ms(raw.max))
                """)
        }
        if latencies.count < candidates.count {
            throw CommandFailure(options.say("有\(candidates.count - latencies.count)条预警未在30秒内送达", "\(candidates.count - latencies.count) alerts did not arrive within 30 s"), exitCode: 1)
        }
    }
}

/// The figures `bench alerts --json` prints.
struct AlertBenchResult: Codable {
    var changes: Int
    var received: Int
    var rateRequested: Int
    var rateAchieved: Double
    var latencyMicroseconds: Percentiles
    var rawPublishSubscribeMicroseconds: Percentiles
}

/// A GET that says whether the answer was 200 (the bench waits for its own HTTP server).
enum HTTPProbe {
    static func ok(_ address: String) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: URL(string: address)!) { _, response, error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200) }
            }.resume()
        }
    }
}
