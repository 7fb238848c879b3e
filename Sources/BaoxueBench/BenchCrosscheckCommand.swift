import Access
import ArgumentParser
import BaoxueCSV
import BaoxueContracts
import BaoxueDemo
import BaoxueService
import Foundation
import Gateway
import Logging

/// `baoxue bench crosscheck`: a county's population roster imported end to end and cross-checked,
/// beside a raw SQLite baseline on the same rows in the same run. A command, never a test.
struct CrosscheckBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "户籍名单导入与四查三比对基准：CSV → 网关 → 监测服务 → SQLite，再全量比对 (roster import and cross-check benchmark)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "户籍名单人数 (roster rows)") var population: Int = 1_000_000
    @Option(help: "在籍学生人数 (students in the registry)") var students: Int = 200_000
    @Option(name: .customLong("batch-size"), help: "每条消息的行数 (roster rows per message)") var batchSize: Int = RosterBatch.recommendedSize

    func validate() throws {
        guard (1...2_000_000).contains(students) else { throw ValidationError("--students must be 1…2000000") }
        guard population >= students, population <= 5_000_000 else { throw ValidationError("--population must be at least --students and at most 5000000") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-bench-crosscheck-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let today = Timestamp.todayInChina()

        options.progress("生成 \(students) 名学生的演示县与 \(population) 人的户籍名单……", "Generating a county of \(students) students and a roster of \(population)…")
        let county = DemoCounty.generate(students: students, seed: 7, today: today)
        let withIDs = county.students.filter { $0.idNumber != nil }.count
        let extra = max(population - withIDs, 0)
        // A fortieth of the children the registry does not know are of school age: the suspects.
        let schoolAgeExtra = extra / 40
        let roster = DemoPopulation.generate(county: county, extraSchoolAge: schoolAgeExtra, extraOutOfAge: extra - schoolAgeExtra, seed: 7)
        let rosterCSV = Data(roster.rosterCSV().utf8)

        // The baseline, in this run, on this machine.
        let window = (from: "\(schoolYear(today) - 16)0901", to: "\(schoolYear(today) - 6)0831")
        let raw = try RawBaselines.rosterBaseline(roster, students: county.students, bornFrom: window.from, bornTo: window.to, path: work.appendingPathComponent("raw.sqlite").path)

        // Where an import's CPU goes, stage by stage, before any service runs beside it.
        let stages = try Self.stages(rosterCSV, batchSize: batchSize)

        // The real thing: a registry and a monitor, each its own process on free ports.
        let base = FreePorts.base(count: PortPlan.width)
        let ports = PortPlan(base: base)
        let data = work.appendingPathComponent("data").path
        var processes: [SpawnedProcess] = []
        defer { for process in processes { process.stopBlocking() } }
        for service in ["baoxue-registry", "baoxue-monitor"] {
            processes.append(try ServiceChild.start(service, ["--port-base", String(base), "--data", data]))
        }
        let operations = Operations(clients: try await ServiceClients(ports: ports), access: try AccessStore(dataDirectory: data))
        let actor = Actor.localOperator(via: "bench")

        options.progress("载入学籍（\(students)名学生）并等待监测服务追平……", "Loading the registry (\(students) students) and waiting for the monitor to catch up…")
        _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), actor: actor)
        _ = try await operations.registry.importStudents(Data(county.studentsCSV().utf8), actor: actor, progress: ProgressBar(label: options.say("学籍", "students")).update)
        let loaded = ContinuousClock.now
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(1_800))
        let caughtUp = (ContinuousClock.now - loaded).seconds

        let started = ContinuousClock.now
        let outcome = try await operations.crosscheck.importRoster(rosterCSV, actor: actor, batchSize: batchSize, progress: ProgressBar(label: options.say("户籍名单", "roster")).update)
        let importSeconds = (ContinuousClock.now - started).seconds
        let again = ContinuousClock.now
        let reimport = try await operations.crosscheck.importRoster(rosterCSV, actor: actor, batchSize: batchSize)
        let reimportSeconds = (ContinuousClock.now - again).seconds

        let checkStarted = ContinuousClock.now
        let report = try await operations.crosscheck.runCrosscheck(actor: actor)
        let checkSeconds = (ContinuousClock.now - checkStarted).seconds
        let rerunStarted = ContinuousClock.now
        let rerun = try await operations.crosscheck.runCrosscheck(actor: actor)
        let rerunSeconds = (ContinuousClock.now - rerunStarted).seconds

        let accepted = outcome.report.imported + outcome.report.updated + outcome.report.unchanged
        let result = CrosscheckBenchResult(
            population: roster.children.count, students: students, accepted: accepted, rejected: outcome.report.rejected.count,
            importSeconds: importSeconds, rowsPerSecond: Double(accepted) / importSeconds,
            reimportSeconds: reimportSeconds, reimportUnchanged: reimport.report.unchanged,
            crosscheckSeconds: checkSeconds, crosscheckInsideMonitorSeconds: report.milliseconds / 1000, rerunSeconds: rerunSeconds,
            schoolAge: report.schoolAge, suspects: report.open, suspectsExpected: roster.schoolAgeNotEnrolled, rerunOpened: rerun.opened,
            monitorCatchUpSeconds: caughtUp, batchSize: batchSize,
            parseSeconds: stages.parse, checkSeconds: stages.check, encodeSeconds: stages.encode, decodeSeconds: stages.decode,
            rawSQLiteInsertRowsPerSecond: raw.insertRowsPerSecond, rawScanJoinSeconds: raw.scanSeconds, rawScanFound: raw.found,
            machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        try options.emit(result) { result.text }
    }

    private func schoolYear(_ today: CivilDate) -> Int { today.month >= 9 ? today.year : today.year - 1 }

    /// Where an import's CPU goes, each stage alone on one core over the whole file: decoding and
    /// parsing the CSV into a table, putting the rows in ID-number order and checking them,
    /// writing the batches as JSON (the gateway), and reading them back with `JSONReader` (what
    /// the monitor does before it writes).
    static func stages(_ data: Data, batchSize: Int) throws -> (parse: Double, check: Double, encode: Double, decode: Double) {
        let started = ContinuousClock.now
        let table = try Table<RosterField>.read(data)
        let parsed = ContinuousClock.now
        let batches = CrosscheckOperations.checkedBatches(table, batchSize: batchSize)
        let checked = ContinuousClock.now
        let bodies = batches.map { $0.jsonBytes(capacity: 160 * $0.rows.count) }
        let encoded = ContinuousClock.now
        var rows = 0
        for body in bodies { rows += try RosterBatch.read(json: body).rows.count }
        precondition(rows == batches.reduce(0) { $0 + $1.rows.count })
        let decoded = ContinuousClock.now
        return ((parsed - started).seconds, (checked - parsed).seconds, (encoded - checked).seconds, (decoded - encoded).seconds)
    }
}
