import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Gateway
import Logging

/// `baoxue bench …`: benchmarks that print their figures beside raw baselines measured in the
/// same run on the same machine. Benchmarks are commands, never timed tests; they live in their
/// own module so the gateway's library carries none of their code, and the `baoxue` executable
/// adds them to the gateway's commands.
public struct BenchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "bench", abstract: "性能基准 (benchmarks)", subcommands: [ImportBench.self, BenchAlertsCommand.self, BenchHTTPCommand.self, CrosscheckBench.self, BenchSubsidyCommand.self, CareBench.self, BenchReportsCommand.self, BenchScaleCommand.self, BenchAllCommand.self])

    public init() {}

    struct ImportBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "端到端导入基准：CSV → 网关 → 学籍服务 → SQLite → 事件订阅者追平 (end-to-end import benchmark)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学生人数 (students)") var students: Int = 100_000
        @Option(help: "每个导入请求的行数 (rows per import request; the gateway's own by default)") var batchSize: Int?
        @Option(help: "同时在途的导入请求数 (import requests in flight at once; the gateway's own by default)") var window: Int?

        func run() async throws {
            LogSetup.bootstrap(level: .warning)
            let logger = Logger(label: "baoxue.bench")
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-bench-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }

            options.progress("生成 \(students) 名学生的演示县……", "Generating a county of \(students) students…")
            let county = DemoCounty.generate(students: students, seed: 7, today: Timestamp.todayInChina())
            let schoolsCSV = Data(county.schoolsCSV().utf8)
            let studentsCSV = Data(county.studentsCSV().utf8)

            // Baselines, in this run, on this machine.
            let roundTrip = RawBaselines.zeroMQRoundTrip(iterations: 5_000)
            let sqliteRate = try RawBaselines.sqliteInsertRate(county.students, path: work.appendingPathComponent("raw.sqlite").path)
            let registrySQLRate = try RawBaselines.registrySQLRate((county.schools, county.students), path: work.appendingPathComponent("registry-sql.sqlite").path)
            let stages = try ImportStages.measure((county.schools, county.students), path: work.appendingPathComponent("registry-stages.sqlite").path)

            // The real thing: a registry process on free ports, the gateway core, a subscriber.
            let base = FreePorts.base(count: PortPlan.width)
            let ports = PortPlan(base: base)
            let registry = try ServiceChild.start("baoxue-registry", ["--port-base", String(base), "--data", work.appendingPathComponent("data").path])
            defer { registry.stopBlocking() }
            let access = try AccessStore(dataDirectory: work.appendingPathComponent("data").path)
            var operations = Operations(clients: try await ServiceClients(ports: ports), access: access)
            if let batchSize { operations.registry.batchSize = batchSize }
            if let window { operations.registry.window = window }
            _ = try await operations.registry.importSchools(schoolsCSV, actor: .localOperator(via: "bench"))
            let startSeq = try await lastSeq(operations)

            let follower = try await EventFollower.start(ports: ports, loop: operations.clients.loop, path: work.appendingPathComponent("follower.sqlite").path, logger: logger)
            await follower.subscriber.waitUntilApplied(startSeq)

            let progress = ProgressBar(label: options.say("导入", "import"))
            // CPU seconds of the registry and of this process (the gateway's core and the follower).
            let cpuNow = { [pid = registry.pid] in (registry: ProcessQuiet.cpuSeconds(pid) ?? 0, bench: ProcessQuiet.cpuSeconds(getpid()) ?? 0) }
            let cpuBefore = cpuNow()
            let started = ContinuousClock.now
            let outcome = try await operations.registry.importStudents(studentsCSV, actor: .localOperator(via: "bench"), progress: progress.update)
            let imported = ContinuousClock.now - started
            let finalSeq = try await lastSeq(operations)
            await follower.subscriber.waitUntilApplied(finalSeq)
            let caughtUp = ContinuousClock.now - started
            let cpuAfter = cpuNow()
            let cpu = (registry: cpuAfter.registry - cpuBefore.registry, bench: cpuAfter.bench - cpuBefore.bench)
            follower.task.cancel()
            // The plain insert once more, the registry stopped: this host's speed drifts by a third
            // from one minute to the next, and a baseline caught in a slow moment flattered the
            // ratio (0.40 for a build whose quiet runs gave 0.30). The import is held to the
            // faster of the two.
            registry.stopBlocking()
            let sqliteRateAfter = try RawBaselines.sqliteInsertRate(county.students, path: work.appendingPathComponent("raw-after.sqlite").path)
            let plainInsert = max(sqliteRate, sqliteRateAfter)

            let rows = outcome.report.imported + outcome.report.updated + outcome.report.unchanged
            let rate = Double(rows) / caughtUp.seconds
            let result = ImportBenchResult(
                students: students, accepted: rows, rejected: outcome.report.rejected.count,
                importSeconds: imported.seconds, caughtUpSeconds: caughtUp.seconds, rowsPerSecond: rate,
                eventsFollowed: finalSeq - startSeq, rawSQLiteRowsPerSecond: plainInsert, rawSQLiteRuns: [sqliteRate, sqliteRateAfter],
                registrySQLRowsPerSecond: registrySQLRate, rawZeroMQRoundTripMicroseconds: roundTrip, ratioToRawSQLite: rate / plainInsert,
                registryCPUSeconds: cpu.registry, benchCPUSeconds: cpu.bench, stages: stages,
                machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
            try options.emit(result) { result.text }
        }

        /// The registry's last sequence number, asked of the registry alone: probing every
        /// service (as `services status` does) waited out the timeout of the ones this bench
        /// does not start, and that wait used to be counted in "all events followed".
        private func lastSeq(_ operations: Operations) async throws -> Int64 {
            try await operations.clients.registry.call(ServiceMessage.status, StatusQuery(counts: false), actor: .system).lastSeq
        }
    }
}
