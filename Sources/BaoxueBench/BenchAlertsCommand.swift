import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueMessaging
import BaoxueService
import Delivery
import Foundation
import Gateway
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
    @Option(help: "把每次变动各阶段的时刻写入CSV文件 (write each change's stage times to a CSV file)") var timeline: String?
    @Option(help: "批量变动每次请求的行数，默认同网关 (rows of the school's file per request; default the gateway's: 5000 sends it whole, to compare)") var batchPart: Int?
    @Flag(help: "负载进行到一半时，以一次批量变动让最大一所学校的全部学生辍学，测其余变动的预警是否被拖慢 (halfway through the load, one batch request drops out every child of the largest school: are the other changes' alerts held up?)") var schoolBatch = false
    @Option(help: "学校导入文件每次请求的行数，默认同网关 (rows of the school's import file per request; default the gateway's)") var importPart: Int?
    @Flag(help: "负载进行到一半时，以一个普通导入文件登记最大一所学校的全部学生（该校事先未导入），测其余变动的预警是否被拖慢 (halfway through the load, the largest school's children, held back from the county's import, come in as one plain import file: are the other changes' alerts held up?)") var schoolImport = false

    func run() async throws {
        guard !(schoolBatch && schoolImport) else { throw ValidationError("--school-batch and --school-import are separate runs") }
        guard (1...2_000).contains(rate), (1...600).contains(seconds), (1...ChangeBatch.maximumRows).contains(batchPart ?? 1), (1...5_000).contains(importPart ?? 1) else {
            throw CommandFailure(options.say("--rate 1–2000，--seconds 1–600，--batch-part、--import-part 1–5000", "--rate 1–2000, --seconds 1–600, --batch-part and --import-part 1–5000"), exitCode: 2)
        }
        LogSetup.bootstrap(level: .warning)
        let logger = Logger(label: "baoxue.bench")
        let changes = rate * seconds
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-bench-alerts-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let raw = RawBaselines.zeroMQPublishLatency(messages: min(changes, 4_000), rate: rate)
        let wakeUps = RawBaselines.threadRoundTrip()

        // Real registry and monitor processes; the gateway's parts in this process.
        let base = FreePorts.base(count: PortPlan.width)
        let ports = PortPlan(base: base)
        var children: [SpawnedProcess] = []
        defer { for child in children { child.stopBlocking() } }
        for service in ["registry", "monitor"] {
            children.append(try ServiceChild.start("baoxue-\(service)", ["--port-base", String(base), "--data", work.appendingPathComponent("data").path]))
        }
        let access = try AccessStore(dataDirectory: work.appendingPathComponent("gateway").path)
        var operations = Operations(clients: try await ServiceClients(ports: ports), access: access)
        if let batchPart { operations.registry.changeBatchPart = batchPart }
        if let importPart { operations.registry.importPart = importPart }
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: work.appendingPathComponent("gateway").path))
        let monitor = AlertFollower.Source(service: .monitor, requests: operations.clients.monitor, eventsEndpoint: ports.events(.monitor), curve: nil)
        let follower = AlertFollower(feed: hub.feed, broadcaster: hub.broadcaster, loop: operations.clients.loop, sources: [monitor], logger: logger)
        let following = Task { try await follower.subscribers[0].run() }
        defer { following.cancel() }
        let server = try await BenchHTTPServer.start(operations: operations, alerts: hub, logger: logger)
        let httpPort = server.port

        // A county with a child for every change, loaded and followed.
        options.progress("准备演示县（\(changes)次变动）……", "Preparing a county for \(changes) changes…")
        let county = DemoCounty.generate(students: changes + changes / 4 + 500 + (schoolBatch || schoolImport ? 3_000 : 0), seed: 11, today: Timestamp.todayInChina())
        _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), townshipNames: county.townshipNames, actor: .localOperator(via: "bench"))
        // With `--school-import`, the largest school is left out, to come in on its own later.
        let heldBack = schoolImport ? Self.largestSchool(county) : nil
        _ = try await operations.registry.importStudents(Data(county.studentsCSV { $0.schoolCode != heldBack }.utf8), actor: .localOperator(via: "bench"))
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(120))
        let token = try access.add(NewUser(name: "bench", role: .countyOperator)).token
        // The load starts on quiet services, as a term start finds them, not in the tail of the
        // preparation's import (its checkpoints, the followers' last events).
        try await ProcessQuiet.wait(for: children.map(\.pid) + [getpid()])

        // Where each change is seen: the registry's and the monitor's event streams (plain SUB
        // sockets, as any follower) and the SSE client.
        @Sendable func key(_ name: String, _ maskedNumber: String) -> String { "\(name)|\(maskedNumber)" }
        let registryTap = try await EventTap(loop: operations.clients.loop, endpoint: ports.events(.registry), subscription: RegistryMessage.Event.statusChanged) { event in
            guard let changed = try? WireCoding.decode(StatusChangedEvent.self, from: event.body), changed.change.kind == .dropOut else { return nil }
            return key(changed.student.record.name, changed.student.record.studentNumber.masked)
        }
        let monitorTap = try await EventTap(loop: operations.clients.loop, endpoint: ports.events(.monitor), subscription: MonitorMessage.Event.alert) { event in
            guard let alert = try? WireCoding.decode(Alert.self, from: event.body), alert.state == .open, alert.rule == .dropoutReported else { return nil }
            return key(alert.studentName, alert.student)
        }
        defer { registryTap.stop(); monitorTap.stop() }
        let arrivals = ArrivalTimes()
        let reader = try PlainEventStreamReader(port: httpPort, path: "/api/v1/alerts/stream", token: token) { name, data in
            let now = ContinuousClock.now
            guard name == "alert", let alert = try? WireCoding.decode(Alert.self, from: Data(data.utf8)), alert.state == .open, alert.rule == .dropoutReported else { return }
            arrivals.note(key(alert.studentName, alert.student), at: now)
        }
        defer { reader.stop() }
        try await Task.sleep(for: .milliseconds(300))

        // Paced status changes: a dropout each 1/rate s, sent on time whether or not earlier
        // ones were answered (as a county's many clients would), straight to the registry so the
        // clock starts at its reply.
        // Each change is matched to its alert by name and masked student number, which two
        // children of a large county can share: such a pair would look like a lost alert, so
        // only the first of them is changed.
        var keys: Set<String> = []
        let batch = schoolBatch ? Self.largestSchoolBatch(county, keys: &keys, key: key) : nil
        let candidates = Array(county.students.filter { $0.schoolCode != batch?.school && $0.schoolCode != heldBack && $0.grade >= 2 && keys.insert(key($0.name, $0.studentNumber.masked)).inserted }.prefix(changes))
        // What the load costs each process: its CPU and switches from here until the last alert.
        let processes = [children[0].pid, children[1].pid, getpid()]
        let usageBefore = processes.map(ProcessUsage.read)
        let started = ContinuousClock.now
        let interval = Duration.seconds(1) / rate
        let progress = ProgressBar(label: options.say("变动", "changes"))
        let registry = operations.clients.registry
        let today = county.today
        typealias Timing = (sent: ContinuousClock.Instant, accepted: ContinuousClock.Instant)
        // The school's batch goes in halfway, beside the paced changes, as a school's clerk's
        // file would at term start.
        let batchDue = started + interval * (candidates.count / 2)
        let uploads = operations.registry
        let batchTask = batch.map { batch in
            Task { () throws -> (sent: ContinuousClock.Instant, replied: ContinuousClock.Instant, applied: Int) in
                try await Task.sleep(until: batchDue)
                let sent = ContinuousClock.now
                let outcome = try await uploads.changeBatch(batch.file, today: today, actor: .localOperator(via: "bench"))
                return (sent, ContinuousClock.now, outcome.report.imported)
            }
        }
        // Or the held-back school's file, a plain import, at the same moment: when the monitor
        // has taken in its registrations is the end of the window its figures are about.
        let schoolFile = heldBack.map { school in Data(county.studentsCSV { $0.schoolCode == school }.utf8) }
        let importTask = schoolFile.map { file in
            let pacing = FollowerPacing(registry: operations.clients.registry, monitor: operations.clients.monitor)
            return Task { () throws -> (sent: ContinuousClock.Instant, replied: ContinuousClock.Instant, caughtUp: ContinuousClock.Instant?, imported: Int) in
                try await Task.sleep(until: batchDue)
                let sent = ContinuousClock.now
                let outcome = try await uploads.importStudents(file, actor: .localOperator(via: "bench"))
                let replied = ContinuousClock.now
                let caughtUp = await pacing.waitForMonitor() ? ContinuousClock.now : nil
                return (sent, replied, caughtUp, outcome.report.imported)
            }
        }
        let sent = try await withThrowingTaskGroup(of: (String, Timing).self) { group in
            for (index, student) in candidates.enumerated() {
                let due = started + interval * index
                if due > ContinuousClock.now { try await Task.sleep(until: due) }
                group.addTask {
                    let request = StatusChangeRequest(student: student.identityKey, kind: .dropOut, date: today, documents: ["学校报告"], causes: [.weariness])
                    let sent = ContinuousClock.now
                    // The reply is checked, not decoded: decoding is the client's cost, not the pipeline's.
                    let reply = try await registry.send(type: RegistryMessage.changeStatus.type, body: WireCoding.encode(request), actor: .localOperator(via: "bench"))
                    if let error = reply.replyError { throw error }
                    return (key(student.name, student.studentNumber.masked), (sent, ContinuousClock.now))
                }
                progress.update(done: index + 1, total: candidates.count)
            }
            var timings: [String: Timing] = [:]
            for try await (name, timing) in group { timings[name] = timing }
            return timings
        }
        let achieved = Double(candidates.count) / (ContinuousClock.now - started).seconds
        let batchOutcome = try await batchTask?.value
        let importOutcome = try await importTask?.value
        let expected = candidates.count + (batch?.keys.count ?? 0)
        let deadline = ContinuousClock.now + .seconds(30)
        while arrivals.count < expected, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let usage = zip(processes.map(ProcessUsage.read), usageBefore).map { after, before in
            guard let after, let before else { return ProcessUsage(cpuSeconds: 0, switches: 0) }
            return after - before
        }
        let cost = ChangeCost(registry: usage[0], monitor: usage[1], gateway: usage[2], changes: expected, seconds: (ContinuousClock.now - started).seconds)
        let sse = arrivals.all
        // The stream's client leaves first, so the server's graceful shutdown has nothing open.
        reader.stop()
        await server.stop()
        let published = registryTap.received, alerted = monitorTap.received
        func since(_ instants: [String: ContinuousClock.Instant], _ anchor: KeyPath<Timing, ContinuousClock.Instant>) -> Percentiles {
            Percentiles(sent.compactMap { name, times in instants[name].map { ($0 - times[keyPath: anchor]).seconds * 1e6 } })
        }
        // Each change on a line, in milliseconds: when it was sent (from the start), and each
        // stage after that: where a stall happened, not only how often.
        if let timeline {
            var lines = "sent_ms,reply_ms,registry_ms,monitor_ms,sse_ms\n"
            for (name, times) in sent.sorted(by: { $0.value.sent < $1.value.sent }) {
                func ms(_ at: ContinuousClock.Instant?) -> String { at.map { String(format: "%.2f", ($0 - times.sent).seconds * 1e3) } ?? "" }
                lines += "\(String(format: "%.1f", (times.sent - started).seconds * 1e3)),\(ms(times.accepted)),\(ms(published[name])),\(ms(alerted[name])),\(ms(sse[name]))\n"
            }
            try lines.write(toFile: timeline, atomically: true, encoding: .utf8)
        }
        let received = sent.keys.filter { sse[$0] != nil }.count
        // The paced changes' alert latencies (accepted → SSE client), for the window a school's
        // file was going in and for the rest of the run.
        func latencies(_ timings: some Sequence<(key: String, value: Timing)>) -> [Double] {
            timings.compactMap { name, times in sse[name].map { ($0 - times.accepted).seconds * 1e6 } }
        }
        var schoolBatchFigures: SchoolBatchFigures?
        if let batch, let batchOutcome {
            let alerts = batch.keys.compactMap { sse[$0] }
            let end = alerts.max() ?? batchOutcome.replied
            func micros(_ at: ContinuousClock.Instant?) -> Double { at.map { ($0 - batchOutcome.sent).seconds * 1e6 } ?? 0 }
            let during = sent.filter { $0.value.sent >= batchOutcome.sent && $0.value.sent <= end }
            schoolBatchFigures = SchoolBatchFigures(
                school: batch.school, rows: batch.keys.count, applied: batchOutcome.applied, part: uploads.changeBatchPart,
                replyMicroseconds: micros(batchOutcome.replied), firstAlertMicroseconds: micros(alerts.min()), lastAlertMicroseconds: micros(alerts.max()),
                alertsReceived: alerts.count, othersDuring: during.count,
                othersDuringLatencyMicroseconds: Percentiles(latencies(during)),
                othersOutsideLatencyMicroseconds: Percentiles(latencies(sent.filter { $0.value.sent < batchOutcome.sent || $0.value.sent > end })))
        }
        var schoolImportFigures: SchoolImportFigures?
        if let heldBack, let importOutcome {
            let end = importOutcome.caughtUp ?? importOutcome.replied
            let during = sent.filter { $0.value.sent >= importOutcome.sent && $0.value.sent <= end }
            schoolImportFigures = SchoolImportFigures(
                school: heldBack, rows: county.students.filter { $0.schoolCode == heldBack }.count, imported: importOutcome.imported,
                replyMicroseconds: (importOutcome.replied - importOutcome.sent).seconds * 1e6,
                caughtUpMicroseconds: importOutcome.caughtUp.map { ($0 - importOutcome.sent).seconds * 1e6 },
                othersDuring: during.count, othersDuringLatencyMicroseconds: Percentiles(latencies(during)),
                othersOutsideLatencyMicroseconds: Percentiles(latencies(sent.filter { $0.value.sent < importOutcome.sent || $0.value.sent > end })))
        }
        let result = AlertBenchResult(
            changes: candidates.count, received: received, rateRequested: rate, rateAchieved: achieved,
            latencyMicroseconds: since(sse, \.accepted), rawPublishSubscribeMicroseconds: raw,
            stagesFromSentMicroseconds: AlertBenchStages(
                registryReply: Percentiles(sent.values.map { ($0.accepted - $0.sent).seconds * 1e6 }),
                registryEvent: since(published, \.sent), monitorAlert: since(alerted, \.sent), streamClient: since(sse, \.sent)),
            changeCost: cost, rawThreadRoundTrip: wakeUps,
            schoolBatch: schoolBatchFigures, schoolImport: schoolImportFigures)
        try options.emit(result) { result.report(options) }
        if received < candidates.count {
            throw CommandFailure(options.say("有\(candidates.count - received)条预警未在30秒内送达", "\(candidates.count - received) alerts did not arrive within 30 s"), exitCode: 1)
        }
        if let schoolBatchFigures, schoolBatchFigures.alertsReceived < schoolBatchFigures.rows {
            let missing = schoolBatchFigures.rows - schoolBatchFigures.alertsReceived
            throw CommandFailure(options.say("批量变动有\(missing)条预警未在30秒内送达", "\(missing) of the batch's alerts did not arrive within 30 s"), exitCode: 1)
        }
        if let schoolImportFigures, schoolImportFigures.imported < schoolImportFigures.rows {
            let missing = schoolImportFigures.rows - schoolImportFigures.imported
            throw CommandFailure(options.say("学校导入文件有\(missing)行未登记", "\(missing) rows of the school's file were not registered"), exitCode: 1)
        }
    }

    /// The school with the most children, every grade: the file `--school-import` sends.
    static func largestSchool(_ county: DemoCounty) -> String {
        Dictionary(grouping: county.students, by: \.schoolCode).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
    }

    /// The largest school's children (grade 2 up, as the paced changes), each once by the key
    /// the alerts are matched on: a school's file of dropouts, as its clerk would upload it.
    static func largestSchoolBatch(_ county: DemoCounty, keys: inout Set<String>, key: (String, String) -> String) -> (school: String, file: Data, keys: [String]) {
        let bySchool = Dictionary(grouping: county.students.filter { $0.grade >= 2 }, by: \.schoolCode)
        let (school, children) = bySchool.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!
        var lines = ["\(ChangeField.student.header),\(ChangeField.kind.header),\(ChangeField.date.header),\(ChangeField.documents.header),\(ChangeField.causes.header)"]
        var batchKeys: [String] = []
        for child in children {
            let childKey = key(child.name, child.studentNumber.masked)
            guard keys.insert(childKey).inserted else { continue }
            lines.append("\(child.identityKey),辍学,\(county.today),学校报告,厌学")
            batchKeys.append(childKey)
        }
        return (school, Data(lines.joined(separator: "\r\n").utf8), batchKeys)
    }
}
