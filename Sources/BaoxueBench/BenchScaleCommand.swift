import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueMessaging
import BaoxueService
import Foundation
import Gateway
import Logging

/// `baoxue bench scale`: one host's services at a given size, up to a province. The students are
/// generated as counties of at most 2,000,000 each (different county codes, so no two share a
/// school or an ID number), imported county by county into a real registry while a real monitor
/// follows, then each county's household roster is imported and one cross-check runs over all.
/// Measured: import rate, the monitor's catch-up after the last row, single-student look-ups
/// (the registry's request, beside raw SQLite on its file), the cross-check, each database's
/// size, and each service's peak resident memory (`VmHWM`), whose target is 1 GiB.
struct BenchScaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale", abstract: "规模基准：导入、追平、查询、比对、数据库大小与内存峰值 (scale benchmark: import, catch-up, look-ups, cross-check, size, peak memory)")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var directory: BenchDirectory
    @Option(help: "学生人数 (students), 1000–10000000") var students: Int = 1_000_000
    @Flag(name: .customLong("no-crosscheck"), help: "不做户籍比对 (skip the roster cross-check)") var noCrosscheck = false

    static let countySize = 2_000_000
    /// The target for each service at 10 million students.
    static let memoryTargetBytes = 1 << 30

    func validate() throws {
        guard (1_000...10_000_000).contains(students) else { throw ValidationError("--students must be 1000…10000000") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning)
        let result = try await Self.measure(students: students, crosscheck: !noCrosscheck, directory: directory, options: options)
        try options.emit(result) { result.text }
    }

    static func measure(students: Int, crosscheck: Bool, directory: BenchDirectory, options: GlobalOptions) async throws -> ScaleBenchResult {
        let work = try directory.make("scale")
        defer { directory.finish(work, options) }
        let today = Timestamp.todayInChina()
        let deployment = try await BenchDeployment.start([.registry, .monitor], in: work)
        defer { deployment.stop() }
        let operations = deployment.operations
        let actor = Actor.localOperator(via: "bench")

        var sizes: [Int] = []
        var left = students
        while left > 0 { sizes.append(min(left, countySize)); left -= countySize }
        var importSeconds = 0.0, accepted = 0, rejected = 0
        var rosters: [Data] = []
        var keys: [String] = []
        var rawInsert = 0.0
        let monitorCPUBefore = deployment.cpuSeconds(.monitor) ?? 0
        for (index, size) in sizes.enumerated() {
            let code = String(510_123 + index)
            options.progress("第\(index + 1)/\(sizes.count)个县（\(code)）：生成并导入 \(size) 名学生……", "County \(index + 1)/\(sizes.count) (\(code)): generating and importing \(size) students…")
            let county = DemoCounty.generate(students: size, seed: 100 + UInt64(index), today: today, countyCode: code, countyName: "县\(index + 1)")
            if index == 0 {
                rawInsert = try RawBaselines.sqliteInsertRate(Array(county.students.prefix(200_000)), path: work.appendingPathComponent("raw.sqlite").path)
                try? FileManager.default.removeItem(at: work.appendingPathComponent("raw.sqlite"))
            }
            var random = SystemRandomNumberGenerator()
            keys += (0..<min(2_000, size)).map { _ in county.students.randomElement(using: &random)!.identityKey }
            _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), townshipNames: county.townshipNames, actor: actor)
            let csv = Data(county.studentsCSV().utf8)
            let started = ContinuousClock.now
            let outcome = try await operations.registry.importStudents(csv, actor: actor, progress: ProgressBar(label: options.say("导入", "import")).update)
            importSeconds += (ContinuousClock.now - started).seconds
            accepted += outcome.report.imported + outcome.report.updated + outcome.report.unchanged
            rejected += outcome.report.rejected.count
            if crosscheck {
                let withIDs = county.students.filter { $0.idNumber != nil }.count
                let extra = withIDs / 10
                let roster = DemoPopulation.generate(county: county, extraSchoolAge: extra / 40, extraOutOfAge: extra - extra / 40, seed: 100 + UInt64(index))
                rosters.append(Data(roster.rosterCSV().utf8))
            }
        }
        let imported = ContinuousClock.now
        options.progress("等待监测服务追平……", "Waiting for the monitor to catch up…")
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(7_200))
        let catchUpSeconds = (ContinuousClock.now - imported).seconds
        // What the monitor spent applying the registry's events (with its heartbeats, a few
        // milliseconds a second): the figure a faster replica shows whatever the machine's hour.
        let monitorCPUSeconds = (deployment.cpuSeconds(.monitor) ?? 0) - monitorCPUBefore

        var rosterSeconds = 0.0, rosterRows = 0, crosscheckSeconds = 0.0, suspects = 0
        if crosscheck {
            for (index, roster) in rosters.enumerated() {
                options.progress("户籍名单 \(index + 1)/\(rosters.count)……", "Household roster \(index + 1)/\(rosters.count)…")
                let started = ContinuousClock.now
                let outcome = try await operations.crosscheck.importRoster(roster, actor: actor, progress: ProgressBar(label: options.say("户籍名单", "roster")).update)
                rosterSeconds += (ContinuousClock.now - started).seconds
                rosterRows += outcome.report.imported + outcome.report.updated + outcome.report.unchanged
            }
            rosters = []
            options.progress("比对……", "Cross-check…")
            let started = ContinuousClock.now
            let report = try await operations.crosscheck.runCrosscheck(actor: actor)
            crosscheckSeconds = (ContinuousClock.now - started).seconds
            suspects = report.open
        }

        // Look-ups: the registry's single-record request, one at a time, beside raw SQLite.
        let registry = operations.clients.registry
        var samples: [Double] = []
        for key in keys.prefix(2_000) {
            let started = ContinuousClock.now
            _ = try await registry.call(RegistryMessage.getStudent, StudentKey(key: key), actor: actor)
            samples.append((ContinuousClock.now - started).seconds * 1e6)
        }
        let raw = try RawBaselines.sqliteLookup(path: deployment.data.appendingPathComponent("registry.sqlite").path, keys: keys, count: 20_000)

        return ScaleBenchResult(
            students: students, counties: sizes.count, accepted: accepted, rejected: rejected,
            importSeconds: importSeconds, importRowsPerSecond: Double(accepted) / importSeconds, rawInsertRowsPerSecond: rawInsert,
            monitorCatchUpSeconds: catchUpSeconds, monitorCPUSeconds: monitorCPUSeconds, rosterRows: rosterRows, rosterSeconds: rosterSeconds,
            crosscheckSeconds: crosscheckSeconds, suspects: suspects,
            lookup: Percentiles(samples), rawLookup: raw,
            registryDatabaseBytes: deployment.databaseBytes(.registry), monitorDatabaseBytes: deployment.databaseBytes(.monitor),
            registryPeakBytes: deployment.memory(.registry)?.peak ?? 0, monitorPeakBytes: deployment.memory(.monitor)?.peak ?? 0,
            benchPeakBytes: BenchDeployment.ownMemory()?.peak ?? 0, machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
    }
}
