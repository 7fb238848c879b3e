import Access
import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import BaoxueService
import Foundation
import Gateway
import Logging

/// `baoxue bench subsidy`: a county's family roster imported, eligibility worked out and one
/// disbursement batch run, end to end through the real registry and subsidy service, beside raw
/// SQLite inserts of the same rows (the roster's and the batch's payments) in the same run.
/// Target: the batch at no less than 0.3 of the raw insert rate. A command, never a test.
///
/// Every student with an ID number is put on the poverty list, so eligibility covers the whole
/// county, and the batch pays the program with the most children.
struct BenchSubsidyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: "学生资助基准：名单导入、资格计算、一个发放批次，与同批数据的原始SQLite插入对比 (roster import, eligibility and one batch, beside raw SQLite inserts)")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var directory: BenchDirectory
    @Option(help: "学生人数 (students in the registry)") var students: Int = 200_000

    func validate() throws {
        guard (1...2_000_000).contains(students) else { throw ValidationError("--students must be 1…2000000") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning)
        let work = try directory.make("subsidy")
        defer { directory.finish(work, options) }
        let today = Timestamp.todayInChina()
        let term = Term(containing: today)

        options.progress("生成 \(students) 名学生的演示县与资助名单……", "Generating a county of \(students) students and its family list…")
        let county = DemoCounty.generate(students: students, seed: 7, today: today)
        var township: [String: String] = [:]
        for school in county.schools { township[school.code] = school.township }
        var lines = ["身份证件号,姓名,类别,户主姓名,乡镇区划代码"]
        var listed: [(idNumber: String, name: String, township: String)] = []
        for student in county.students {
            guard let id = student.idNumber?.value, let place = township[student.schoolCode] else { continue }
            lines.append("\(id),\(student.name),建档立卡,\(student.guardianName ?? "户主"),\(place)")
            listed.append((id, student.name, place))
        }
        let rosterCSV = Data(lines.joined(separator: "\r\n").utf8)

        // The real thing: a registry and a subsidy service, each its own process on free ports.
        let base = FreePorts.base(count: PortPlan.width)
        let data = work.appendingPathComponent("data").path
        var processes: [SpawnedProcess] = []
        defer { for process in processes { process.stopBlocking() } }
        for service in ["baoxue-registry", "baoxue-subsidy"] {
            processes.append(try ServiceChild.start(service, ["--port-base", String(base), "--data", data]))
        }
        let operations = Operations(clients: try await ServiceClients(ports: PortPlan(base: base)), access: try AccessStore(dataDirectory: data))
        let actor = Actor.localOperator(via: "bench")

        options.progress("载入学籍并等待资助服务追平……", "Loading the registry and waiting for the subsidy service to catch up…")
        _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), actor: actor)
        _ = try await operations.registry.importStudents(Data(county.studentsCSV().utf8), actor: actor, progress: ProgressBar(label: options.say("学籍", "students")).update)
        let loaded = ContinuousClock.now
        try await operations.services.waitToCatchUp(.subsidy, timeout: .seconds(1_800))
        let caughtUp = (ContinuousClock.now - loaded).seconds

        let importStarted = ContinuousClock.now
        let upload = try await operations.subsidy.importRoster(
            rosterCSV, start: FamilyRosterStart(source: .poverty, listedOn: min(term.start, today), fileName: "bench.csv"), actor: actor,
            progress: ProgressBar(label: options.say("名单", "roster")).update)
        let importSeconds = (ContinuousClock.now - importStarted).seconds

        let eligibilityStarted = ContinuousClock.now
        let page = try await operations.subsidy.eligible(EligibilityQuery(term: term, limit: 1_000), actor: actor)
        let eligibilitySeconds = (ContinuousClock.now - eligibilityStarted).seconds
        guard let program = page.byProgram.max(by: { $0.children < $1.children }) else {
            throw CommandFailure(options.say("没有符合条件的学生", "nobody is eligible"))
        }

        let batchStarted = ContinuousClock.now
        let batch = try await operations.subsidy.disburse(DisbursementRequest(term: term, program: program.program, date: today), actor: actor)
        let batchSeconds = (ContinuousClock.now - batchStarted).seconds

        // The floor under both, on the same rows, in this run, on this machine.
        let raw = try RawBaselines.subsidyBaseline(roster: listed, payments: batch.paid, program: program.program, term: term.code, path: work.appendingPathComponent("raw.sqlite").path)

        let result = SubsidyBenchResult(
            students: students, listed: listed.count, rosterMatched: upload.roster.matched, importSeconds: importSeconds,
            rosterRowsPerSecond: Double(listed.count) / importSeconds, rawRosterInsertRowsPerSecond: raw.rosterRowsPerSecond,
            eligible: page.total, eligibilitySeconds: eligibilitySeconds, program: program.program, paid: batch.paid, excluded: batch.excluded,
            batchSeconds: batchSeconds, paymentsPerSecond: Double(batch.paid) / batchSeconds, rawPaymentInsertRowsPerSecond: raw.paymentRowsPerSecond,
            subsidyCatchUpSeconds: caughtUp, machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        try options.emit(result) { result.text }
    }
}
