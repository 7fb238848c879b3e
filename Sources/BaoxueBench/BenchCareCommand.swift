import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueService
import Foundation
import Gateway
import Logging

/// `baoxue bench care`: civil affairs' ledger of a county's left-behind children imported end to
/// end, then the gap sweep over all of them, beside raw SQLite on the same children in the same
/// run. A command, never a test: the lead runs it on a quiet machine (docs/performance.md).
struct CareBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care",
        abstract: "留守儿童台账导入与关爱缺口扫描基准：CSV → 网关 → 关爱服务 → SQLite，再全量扫描 (care ledger import and gap sweep benchmark)")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var directory: BenchDirectory
    @Option(help: "留守儿童人数（全县学生均为留守儿童）(left-behind children; every child of the county is one)") var children: Int = 100_000
    @Option(help: "逐一指定代理家长的儿童数，每名代理家长5名 (children given a surrogate parent, five each, one request each)") var assigned: Int = 5_000

    func validate() throws {
        guard (1...1_000_000).contains(children) else { throw ValidationError("--children must be 1…1000000") }
        guard (0...children).contains(assigned) else { throw ValidationError("--assigned must be 0…--children") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning)
        let work = try directory.make("care")
        defer { directory.finish(work, options) }
        let today = Timestamp.todayInChina()

        options.progress("生成 \(children) 名留守儿童的演示县……", "Generating a county of \(children) left-behind children…")
        let county = DemoCounty.generate(students: children, seed: 7, today: today).everyChildLeftBehind()
        let ledgerCSV = Data(county.careLedgerCSV().utf8)

        // The baseline, in this run, on this machine.
        let raw = try RawBaselines.careBaseline(county.students, assigned: assigned, today: today, path: work.appendingPathComponent("raw.sqlite").path)

        // The real thing: a registry, a monitor and care, each its own process on free ports.
        let base = FreePorts.base(count: PortPlan.width)
        let data = work.appendingPathComponent("data").path
        var processes: [SpawnedProcess] = []
        defer { for process in processes { process.stopBlocking() } }
        for service in ["baoxue-registry", "baoxue-monitor", "baoxue-care"] {
            processes.append(try ServiceChild.start(service, ["--port-base", String(base), "--data", data]))
        }
        let operations = Operations(clients: try await ServiceClients(ports: PortPlan(base: base)), access: try AccessStore(dataDirectory: data))
        let actor = Actor.localOperator(via: "bench")

        options.progress("载入学籍（\(children)名学生）并等待关爱服务追平……", "Loading the registry (\(children) students) and waiting for care to catch up…")
        _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), townshipNames: county.townshipNames, actor: actor)
        _ = try await operations.registry.importStudents(Data(county.studentsCSV().utf8), actor: actor, progress: ProgressBar(label: options.say("学籍", "students")).update)
        let loaded = ContinuousClock.now
        try await operations.services.waitToCatchUp(.care, following: .registry, timeout: .seconds(1_800))
        let caughtUp = (ContinuousClock.now - loaded).seconds

        let started = ContinuousClock.now
        let outcome = try await operations.care.importLedger(ledgerCSV, actor: actor, progress: ProgressBar(label: options.say("台账", "ledger")).update)
        let importSeconds = (ContinuousClock.now - started).seconds
        options.progress("台账导入 \(String(format: "%.1f", importSeconds)) 秒；同一文件再导入一次……", "ledger imported in \(String(format: "%.1f", importSeconds)) s; the same file again…")
        let again = ContinuousClock.now
        let reimport = try await operations.care.importLedger(ledgerCSV, actor: actor)
        let reimportSeconds = (ContinuousClock.now - again).seconds

        // Surrogate parents for the first `assigned` children, five of one school to each.
        options.progress("为 \(assigned) 名儿童指定代理家长，每次一个请求……", "assigning surrogate parents to \(assigned) children, one request each…")
        let assignStarted = ContinuousClock.now
        var surrogate: (id: Int64, school: String, children: Int)?
        var assignedCount = 0
        for student in county.students.prefix(assigned) {
            if surrogate == nil || surrogate!.school != student.schoolCode || surrogate!.children == 5 {
                let registered = try await operations.care.registerSurrogate(SurrogateRequest(name: "代理家长\(assignedCount / 5 + 1)", kind: .teacher, school: student.schoolCode), actor: actor)
                surrogate = (registered.id, student.schoolCode, 0)
            }
            do {
                _ = try await operations.care.assign(AssignmentRequest(student: student.identityKey, surrogate: surrogate!.id), actor: actor)
                surrogate!.children += 1
                assignedCount += 1
            } catch let error as ServiceError where error.code == .careNotInLedger {
                continue  // 16 already, or otherwise off the ledger by the definition
            }
        }
        let assignSeconds = (ContinuousClock.now - assignStarted).seconds

        options.progress("指定完毕，\(String(format: "%.1f", assignSeconds)) 秒；第一次扫描（开出预警）……", "assigned in \(String(format: "%.1f", assignSeconds)) s; the first sweep (opening the alerts)…")
        let firstStarted = ContinuousClock.now
        let first = try await operations.care.sweep(actor: actor)
        let firstSeconds = (ContinuousClock.now - firstStarted).seconds
        options.progress("第一次扫描 \(String(format: "%.1f", firstSeconds)) 秒，开出 \(first.opened) 条；再扫描一次，再查缺口……", "first sweep \(String(format: "%.1f", firstSeconds)) s, \(first.opened) opened; sweeping again, then the gaps…")
        let sweepStarted = ContinuousClock.now
        let sweep = try await operations.care.sweep(actor: actor)
        let sweepSeconds = (ContinuousClock.now - sweepStarted).seconds
        let gapsStarted = ContinuousClock.now
        let gaps = try await operations.care.gaps(CareScopeQuery(limit: 100), actor: actor)
        let gapsSeconds = (ContinuousClock.now - gapsStarted).seconds

        let accepted = outcome.report.imported + outcome.report.updated + outcome.report.unchanged
        let result = CareBenchResult(
            children: children, accepted: accepted, rejected: outcome.report.rejected.count, onLedger: sweep.children, careCatchUpSeconds: caughtUp,
            importSeconds: importSeconds, rowsPerSecond: Double(accepted) / importSeconds, reimportSeconds: reimportSeconds, reimportUnchanged: reimport.report.unchanged,
            assigned: assignedCount, assignSeconds: assignSeconds,
            firstSweepSeconds: firstSeconds, firstSweepInsideCareSeconds: first.milliseconds / 1000, firstSweepOpened: first.opened,
            sweepSeconds: sweepSeconds, sweepInsideCareSeconds: sweep.milliseconds / 1000, sweepOpened: sweep.opened,
            gapsSeconds: gapsSeconds, withoutSurrogate: gaps.withoutSurrogateTotal, overdueContacts: gaps.overdueContactsTotal,
            rawSQLiteInsertRowsPerSecond: raw.insertRowsPerSecond, rawScanSeconds: raw.scanSeconds, rawGapQuerySeconds: raw.gapSeconds, rawGaps: raw.gaps,
            machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        try options.emit(result) { result.text }
    }
}
