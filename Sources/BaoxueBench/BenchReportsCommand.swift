import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueService
import Foundation
import GRDB
import Gateway
import BaoxueMessaging
import Logging

/// `baoxue bench reports`: the county's numbers for a large county with every service's data
/// (the demo loader's, at the asked size): the yearly summary, the KPI sheet and the dashboard's
/// county page, each asked many times as the gateway serves it, beside a plain SQLite count of
/// the same children on the monitor's own database in the same run. A command, never a test
/// (docs/performance.md).
struct BenchReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "年度总结、关键指标与看板页面的服务端耗时基准 (the summary, the KPI sheet and the dashboard page: server time)")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var directory: BenchDirectory
    @Option(help: "学生人数 (students)") var students: Int = 200_000
    @Option(help: "每项请求次数 (requests per page)") var requests: Int = 50

    func validate() throws {
        guard (100...2_000_000).contains(students) else { throw ValidationError("--students must be 100…2000000") }
        guard (5...10_000).contains(requests) else { throw ValidationError("--requests must be 5…10000") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning)
        let work = try directory.make("reports")
        defer { directory.finish(work, options) }
        let today = Timestamp.todayInChina()
        options.progress("生成 \(students) 名学生的演示县……", "Generating a county of \(students) students…")
        let county = DemoCounty.generate(students: students, seed: 1, today: today)

        let base = FreePorts.base(count: PortPlan.width)
        let data = work.appendingPathComponent("data").path
        var processes: [SpawnedProcess] = []
        defer { for process in processes { process.stopBlocking() } }
        for service in ["baoxue-registry", "baoxue-monitor", "baoxue-subsidy", "baoxue-care"] {
            processes.append(try ServiceChild.start(service, ["--port-base", String(base), "--data", data]))
        }
        let operations = Operations(clients: try await ServiceClients(ports: PortPlan(base: base)), access: try AccessStore(dataDirectory: data))
        options.progress("按演示县载入各服务的数据（学籍、缺课、资助、比对、关爱、案件）……", "Loading every service's part of the county (register, absences, aid, cross-check, care, casework)…")
        let loadStarted = ContinuousClock.now
        _ = try await DemoLoader.load(county, into: operations, progress: ProgressBar(label: options.say("学籍", "students")).update)
        for service in [ServiceName.monitor, .subsidy, .care] {
            try await operations.services.waitToCatchUp(service, timeout: .seconds(1_800))
        }
        let loadSeconds = (ContinuousClock.now - loadStarted).seconds

        let actor = Actor.localOperator(via: "bench")
        let year = today.year
        let pages = DashboardPages(operations: operations)
        // One warm-up each, then the sample.
        options.progress("测量：每项 \(requests) 次……", "Measuring: \(requests) requests each…")
        let summary = try await Self.sample(requests) { _ = try await operations.reports.summary(year: year, actor: actor) }
        let markdown = try await Self.sample(requests) {
            _ = try await operations.reports.summaryMarkdown(year: year, actor: actor)
        }
        let kpis = try await Self.sample(requests) { _ = try await operations.reports.kpis(year: year, actor: actor) }
        let home = try await Self.sample(requests) { _ = try await pages.homeHTML(actor: actor) }
        let township = county.townships[0].code
        let townshipActor = Actor(user: "bench-township", role: Role.townshipStaff.rawValue, township: township, via: "bench")
        let townshipHome = try await Self.sample(requests) { _ = try await pages.homeHTML(actor: townshipActor) }

        // Where a summary's time goes: each service's part, asked alone.
        options.progress("分项测量……", "Measuring each part…")
        let period = (from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!)
        var parts: [(String, Percentiles)] = []
        let few = max(5, requests / 3)
        parts.append(("registry: changes by kind (registry.changes.tally)", try await Self.sample(few) {
            _ = try await operations.clients.registry.call(RegistryMessage.tallyChanges, ChangeTallyQuery(from: period.from, to: period.to), actor: actor)
        }))
        parts.append(("monitor: the year's figures (monitor.figures.year)", try await Self.sample(few) {
            _ = try await operations.clients.monitor.call(MonitorMessage.yearFigures, YearFiguresQuery(year: year), actor: actor, policy: .init(timeout: .seconds(60), attempts: 1))
        }))
        parts.append(("monitor: target scores (monitor.targets.score)", try await Self.sample(few) {
            _ = try await operations.targets.targetScores(TargetScoreQuery(year: year), actor: actor)
        }))
        parts.append(("subsidy: the year's totals (subsidy.totals.get)", try await Self.sample(few) {
            _ = try await operations.subsidy.totals(TotalsQuery(year: year), actor: actor)
        }))
        parts.append(("subsidy: one term's coverage (subsidy.coverage.get)", try await Self.sample(few) {
            _ = try await operations.subsidy.coverage(CoverageQuery(term: Term(containing: today), limit: 1), actor: actor)
        }))
        parts.append(("care: the year's figures (care.figures)", try await Self.sample(few) {
            _ = try await operations.care.figures(CareFiguresQuery(year: year), actor: actor)
        }))

        // The baseline: a plain count of the same children on the monitor's own file, now.
        let monitor = try DatabaseQueue(path: work.appendingPathComponent("data/monitor.sqlite").path, configuration: {
            var configuration = Configuration()
            configuration.readonly = true
            return configuration
        }())
        var counted = 0
        let count = try await Self.sample(requests) { counted = try await monitor.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM student") ?? 0 } }
        let statusCount = try await Self.sample(requests) {
            _ = try monitor.read { try Row.fetchAll($0, sql: "SELECT township, school, status, COUNT(*) FROM student GROUP BY township, school, status") }
        }

        let result = ReportsBenchResult(
            students: students, onMonitor: counted, loadSeconds: loadSeconds, requests: requests,
            summary: summary, summaryMarkdown: markdown, kpis: kpis, countyPage: home, townshipPage: townshipHome,
            parts: parts.map { ReportsBenchResult.Part(name: $0.0, figures: $0.1) },
            rawCount: count, rawStatusGroups: statusCount, machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        try options.emit(result) { result.text }
    }

    /// Latencies of `count` calls after one warm-up, in microseconds.
    static func sample(_ count: Int, _ body: () async throws -> Void) async throws -> Percentiles {
        try await body()
        var samples: [Double] = []
        for _ in 0..<count {
            let started = ContinuousClock.now
            try await body()
            samples.append((ContinuousClock.now - started).seconds * 1_000_000)
        }
        return Percentiles(samples)
    }
}
