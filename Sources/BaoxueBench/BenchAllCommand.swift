import ArgumentParser
import BaoxueService
import Foundation
import Gateway

/// `baoxue bench all`: every benchmark, one after the other, each in its own process (a fresh
/// heap, its own services), then one table with each figure beside its raw baseline from the
/// same run and its target, ready to paste into docs/performance.md, and a plot of import rate
/// and peak memory against county size (``ScalePlot``).
struct BenchAllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "全部基准与一张汇总表、一张规模图 (every benchmark, one table, one plot)")
    @OptionGroup var options: GlobalOptions
    @Option(help: "规模基准的最大学生数：10000、100000、1000000或10000000 (largest size of the scale sweep)") var largest: Int = 1_000_000
    @Option(help: "跳过的基准，逗号分隔 (benchmarks to skip, comma-separated: import,alerts,school-batch,school-import,http,crosscheck,subsidy,care,reports,scale)") var skip: String = ""
    @Option(help: "规模图SVG文件 (where the plot goes)") var plot: String = "bench-scale.svg"

    func validate() throws {
        guard [10_000, 100_000, 1_000_000, 10_000_000].contains(largest) else { throw ValidationError("--largest must be 10000, 100000, 1000000 or 10000000") }
    }

    func run() async throws {
        let skipped = Set(skip.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        var rows: [BenchSummaryRow] = []
        var failures: [String] = []
        func step<Result: Decodable>(_ name: String, _ arguments: [String], as type: Result.Type, rows make: (Result) -> [BenchSummaryRow]) {
            guard !skipped.contains(name) else { return }
            print(options.say("== baoxue bench \(arguments.joined(separator: " "))", "== baoxue bench \(arguments.joined(separator: " "))"))
            do {
                rows += make(try Self.child(arguments, as: type))
            } catch {
                failures.append("\(name): \(error)")
                rows.append(BenchSummaryRow(benchmark: name, measure: "failed", figure: "\(error)", raw: "", target: "", met: false))
            }
        }
        step("import", ["import", "--students", "100000"], as: ImportBenchResult.self) { $0.summaryRows }
        step("alerts", ["alerts", "--rate", "1000", "--seconds", "10"], as: AlertBenchResult.self) { $0.summaryRows }
        step("school-batch", ["alerts", "--rate", "1000", "--seconds", "10", "--school-batch"], as: AlertBenchResult.self) { $0.schoolBatchRows }
        step("school-import", ["alerts", "--rate", "1000", "--seconds", "10", "--school-import"], as: AlertBenchResult.self) { $0.schoolImportRows }
        step("http", ["http", "--students", "100000", "--rate", "2000", "--seconds", "10"], as: HTTPBenchResult.self) { $0.summaryRows }
        step("crosscheck", ["crosscheck"], as: CrosscheckBenchResult.self) { $0.summaryRows }
        step("subsidy", ["subsidy"], as: SubsidyBenchResult.self) { $0.summaryRows }
        step("care", ["care"], as: CareBenchResult.self) { $0.summaryRows }
        step("reports", ["reports", "--students", "200000", "--requests", "30"], as: ReportsBenchResult.self) { $0.summaryRows }
        var sweep: [ScaleBenchResult] = []
        if !skipped.contains("scale") {
            var size = 10_000
            while size <= largest {
                step("scale", ["scale", "--students", String(size)], as: ScaleBenchResult.self) { result in
                    sweep.append(result)
                    return result.summaryRows
                }
                size *= 10
            }
        }

        var table = TextTable(headers: ["benchmark", "measure", "figure", "raw baseline, same run", "target", ""])
        table.rows = rows.map { [$0.benchmark, $0.measure, $0.figure, $0.raw, $0.target, $0.met.map { $0 ? "met" : "MISSED" } ?? ""] }
        print("\n" + options.say("全部基准（同一台机器、同一次运行）：", "Every benchmark (same machine, same run):"))
        print(table.rendered)
        print("\n" + BenchSummaryRow.markdown(rows))
        if !sweep.isEmpty {
            try ScalePlot(results: sweep).svg.write(toFile: plot, atomically: true, encoding: .utf8)
            print(options.say("规模图：\(plot)", "plot: \(plot)"))
        }
        if !failures.isEmpty {
            throw CommandFailure(options.say("有基准失败：\(failures.joined(separator: "; "))", "some benchmarks failed: \(failures.joined(separator: "; "))"), exitCode: 1)
        }
    }

    /// Runs `baoxue bench <arguments> --json` and reads its figures (what it prints before the
    /// JSON is the benchmark saying what it is doing; its progress goes to standard error). A
    /// benchmark that misses a hard check (alerts not all delivered) still prints its figures
    /// and exits 1: the figures are taken and the row says MISSED.
    static func child<Result: Decodable>(_ arguments: [String], as type: Result.Type) throws -> Result {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-bench-all-\(getpid())-\(arguments[0]).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try SpawnedProcess(executable: Executables.path("baoxue"), arguments: ["bench"] + arguments + ["--json", "--lang", "en"], environment: ProcessInfo.processInfo.environment, output: output.path, error: nil)
        let status = process.waitBlocking()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard let start = text.range(of: "\n{")?.lowerBound ?? (text.hasPrefix("{") ? text.startIndex : nil) else {
            throw CommandFailure("bench \(arguments[0]) exited \(status) without figures", exitCode: 1)
        }
        return try JSONDecoder().decode(Result.self, from: Data(text[start...].utf8))
    }
}
