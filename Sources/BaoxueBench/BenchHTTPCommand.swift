import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Gateway
import Hummingbird
import Logging

/// `baoxue bench http`: the gateway's JSON API under constant-rate load (``ConstantRateLoad``)
/// over real registry and monitor processes: single-student look-ups (each a full read with its
/// audit line), a school's student list and the alert list, beside a raw SQLite indexed look-up
/// on the registry's own file in the same run. Afterwards it counts the audit lines: every
/// answered look-up must have one (decision 130).
struct BenchHTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "http", abstract: "HTTP接口恒定速率负载基准：单个学生查询、学生列表、预警列表 (constant-rate HTTP load benchmark)")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var directory: BenchDirectory
    @Option(help: "学生人数 (students)") var students: Int = 100_000
    @Option(help: "每秒请求数 (requests a second)") var rate: Int = 2_000
    @Option(help: "每项持续秒数 (seconds per kind of request)") var seconds: Int = 10

    func validate() throws {
        guard (1_000...2_000_000).contains(students) else { throw ValidationError("--students must be 1000…2000000") }
        guard (10...20_000).contains(rate) else { throw ValidationError("--rate must be 10…20000") }
        guard (1...300).contains(seconds) else { throw ValidationError("--seconds must be 1…300") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning)
        let logger = Logger(label: "baoxue.bench")
        let work = try directory.make("http")
        defer { directory.finish(work, options) }
        options.progress("生成 \(students) 名学生的演示县……", "Generating a county of \(students) students…")
        let county = DemoCounty.generate(students: students, seed: 5, today: Timestamp.todayInChina())
        let deployment = try await BenchDeployment.start([.registry, .monitor], in: work)
        defer { deployment.stop() }
        let operations = deployment.operations
        let actor = Actor.localOperator(via: "bench")
        _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), townshipNames: county.townshipNames, actor: actor)
        _ = try await operations.registry.importStudents(Data(county.studentsCSV().utf8), actor: actor, progress: ProgressBar(label: options.say("导入", "import")).update)
        // Some dropouts, so that the alert list has alerts to list.
        for student in county.students.filter({ $0.grade >= 2 }).prefix(300) {
            _ = try await operations.registry.changeStatus(StatusChangeRequest(student: student.identityKey, kind: .dropOut, date: county.today, documents: ["学校报告"], causes: [.weariness]), actor: actor)
        }
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(600))

        let server = try await BenchHTTPServer.start(operations: operations, logger: logger)
        let httpPort = server.port
        let token = try deployment.access.add(NewUser(name: "bench", role: .countyOperator)).token

        // The raw baseline: the same look-up straight from the registry's file.
        let keys = county.students.map { $0.identityKey }
        let raw = try RawBaselines.sqliteLookup(path: deployment.data.appendingPathComponent("registry.sqlite").path, keys: keys, count: 20_000)

        // The load starts on quiet services, as in `bench alerts`, not in the tail of the
        // preparation's import (the checkpoints of its WAL, the followers' last events).
        try await ProcessQuiet.wait(for: deployment.pids)
        let load = ConstantRateLoad(port: httpPort, token: token)
        let count = rate * seconds
        let schools = Array(Set(county.students.map(\.schoolCode))).sorted()
        var scenarios: [HTTPBenchResult.Scenario] = []
        for (name, path) in [
            ("student look-up GET /api/v1/students/{id}", { @Sendable (i: Int) in "/api/v1/students/\(keys[(i &* 7_919) % keys.count])" }),
            ("school's student list GET /api/v1/students?school=…&limit=50", { @Sendable (i: Int) in "/api/v1/students?school=\(schools[i % schools.count])&limit=50" }),
            ("alert list GET /api/v1/alerts?limit=50", { @Sendable (_: Int) in "/api/v1/alerts?limit=50" }),
        ] as [(String, @Sendable (Int) -> String)] {
            options.progress("\(name)：每秒 \(rate) 次，\(seconds) 秒……", "\(name): \(rate)/s for \(seconds) s…")
            let result = await load.run(rate: rate, count: count, path: path)
            scenarios.append(HTTPBenchResult.Scenario(name: name, load: result))
        }
        await server.stop()
        let auditLines = try await DatabaseQueue(path: deployment.data.appendingPathComponent("gateway.sqlite").path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE action = 'student.read'") ?? 0
        }
        let result = HTTPBenchResult(
            students: students, rate: rate, seconds: seconds, scenarios: scenarios, rawLookup: raw,
            lookupsAnswered: scenarios[0].load.statuses.filter { $0.key != 0 }.values.reduce(0, +), auditLines: auditLines,
            gatewayPeakBytes: BenchDeployment.ownMemory()?.peak ?? 0, machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        try options.emit(result) { result.text }
        if result.auditLines < result.lookupsAnswered {
            throw CommandFailure(options.say("审计记录少于已答复的查询", "fewer audit lines than answered look-ups"), exitCode: 1)
        }
    }
}
