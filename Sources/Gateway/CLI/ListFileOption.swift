import ArgumentParser
import BaoxueContracts
import Foundation

/// `--out FILE` on a list command: the list as the table shows it (names beside codes, grades as
/// labels, ID numbers and phones masked) also written to a file for Excel, `.xlsx` as a
/// workbook and anything else as CSV (UTF-8 with a byte order mark), as the ledgers are.
struct ListFileOption: ParsableArguments {
    @Option(help: "另存为文件：.xlsx为Excel工作簿，其他为CSV（UTF-8带BOM）(also write the list to a file: .xlsx for a workbook, anything else CSV)") var out: String?

    /// Refuses a path that cannot be written before anything is asked of the services.
    func check(_ options: GlobalOptions) throws {
        if let out { try LedgerReportCommand.checkWritable(out, options: options) }
    }

    /// Writes `table` (its rows may be more than the screen shows); the line saying where.
    func write(_ table: TextTable, title: String, options: GlobalOptions) throws -> String? {
        guard let out else { return nil }
        try OutputFile.write(out, options: options) {
            ExportFormat(path: out) == .xlsx
                ? try LedgerCSV.workbook(title: title, headers: table.headers, rows: table.rows) : LedgerCSV.render(headers: table.headers, rows: table.rows)
        }
        return options.say("已另存为\(out)（\(table.rows.count)行，可用Excel打开）", "Also written to \(out) (\(table.rows.count) rows; opens in Excel)")
    }
}
