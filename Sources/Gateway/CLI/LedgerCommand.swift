import ArgumentParser
import BaoxueContracts
import Foundation

/// `baoxue ledger report|export`: the dropout ledger (辍学学生台账) as the county sends it up
/// (the monthly report, in its own file) and the three ledgers as CSV files for Excel.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "台账：月报与导出（适龄儿童、疑似辍学、辍学）(the ledgers: monthly report and exports)",
        subcommands: [LedgerReportCommand.self, Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导出台账：.xlsx为Excel工作簿，其他为CSV（UTF-8带BOM）；证件号与电话已脱敏 (export a ledger: .xlsx writes an Excel workbook, anything else CSV; masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "台账 (the ledger)") var kind: LedgerKind
        @Option(help: "乡镇区划代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "输出文件，.xlsx 或 .csv (output file, .xlsx or .csv)") var out: String

        var form: LedgerForm { LedgerForm(kind: kind, township: township, school: school) }

        func run() async throws {
            let ledgerKind = kind
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let operations = session.operations
            let table = try await perform(options) { try await operations.crosscheck.ledger(request, actor: session.actor) }
            do {
                let data = ExportFormat(path: out) == .xlsx ? try LedgerCSV.workbook(table) : LedgerCSV.render(table)
                try data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw CommandFailure(options.say("无法写入\(out)：\(error.localizedDescription)", "cannot write \(out): \(error.localizedDescription)"))
            }
            let summary = LedgerExport(kind: ledgerKind, file: out, rows: table.rows.count)
            try options.emit(summary) {
                options.say("已导出\(ledgerKind.title(.zh))：\(out)（\(table.rows.count)行）", "Exported the \(ledgerKind.title(.en)): \(out) (\(table.rows.count) rows)")
            }
        }
    }
}
