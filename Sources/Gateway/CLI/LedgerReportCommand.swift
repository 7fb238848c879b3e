import ArgumentParser
import BaoxueContracts
import Foundation

/// `baoxue ledger report --month YYYY-MM`: the monthly ledger report provinces send up by the
/// 15th, as a table, JSON, or a CSV file for Excel (`--out`).
struct LedgerReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "控辍保学台账月报：立案、劝返、销号、在办，按乡镇和原因 (the monthly ledger report: cases opened, returned, closed, open, by township and cause)",
        discussion: "例：baoxue ledger report --month 2026-10 --out 台账月报-2026-10.csv（UTF-8带BOM，可直接用Excel打开）")
    @OptionGroup var options: GlobalOptions
    @Option(help: "月份 YYYY-MM（县时间）(the month, county time)") var month: String
    @Option(help: "乡镇区划代码 (township code)") var township: String?
    @Option(help: "另存为文件：.xlsx为Excel工作簿，其他为CSV（UTF-8带BOM）(also write a file: .xlsx for an Excel workbook, anything else CSV)") var out: String?

    var form: LedgerReportForm { LedgerReportForm(month: month, township: township) }

    func run() async throws {
        let query = try checked(options) { try form.query() }
        if let out { try Self.checkWritable(out, options: options) }
        let session = try await options.session()
        let report = try await perform(options) { try await session.operations.targets.ledgerReport(query, actor: session.actor) }
        if let out {
            try OutputFile.write(out, options: options) { ExportFormat(path: out) == .xlsx ? try LedgerReportCSV.workbook(report) : LedgerReportCSV.data(report) }
        }
        try options.emit(report) {
            LedgerReportText.report(report, options.language)
                + (out.map { "\n" + options.say("已另存为\($0)（可用Excel打开）", "Also written to \($0) (opens in Excel)") } ?? "")
        }
    }

    /// Refuses, before asking the monitor, a path that is a directory or a device, or whose
    /// folder does not exist: a report should not be computed only to be lost.
    static func checkWritable(_ path: String, options: GlobalOptions) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            guard !isDirectory.boolValue, type == .typeRegular else {
                throw CommandFailure(options.say("\(path) 不是普通文件，请给出CSV文件名", "\(path) is not a regular file; give a CSV file name"))
            }
            return
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(options.say("目录不存在：\(folder)", "no such folder: \(folder)"))
        }
    }
}
