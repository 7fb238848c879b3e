import BaoxueContracts
import BaoxueSpreadsheet
import Foundation

/// The monthly ledger report as a file for Excel: UTF-8 with a byte order mark (without it,
/// Excel on Chinese Windows reads a CSV as GBK and garbles every Chinese header), CRLF line ends,
/// Chinese headers, and one rectangular table (the total, then a row per township, then a row per
/// cause), so the sheet can be filtered and summed as offices do with their 台账.
public enum LedgerReportCSV {
    public static let headers = ["月份", "统计截至", "分组", "项目", "名称", "月初在办案件", "本月立案", "本月劝返复学", "本月其他销号", "月末在办案件", "月末在册辍学人数"]

    /// The file's bytes.
    public static func data(_ report: LedgerReport) -> Data {
        var text = "\u{FEFF}"
        for line in [headers] + rows(report) {
            text += line.map(field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// The same table as an Excel workbook: counts as numbers an office can sum.
    public static func workbook(_ report: LedgerReport) throws -> Data {
        try XLSXWriter.data([SheetTable(name: "台账月报\(report.month)", headers: headers, rows: rows(report))])
    }

    /// The table's rows: the total, then a row per township, then a row per cause.
    static func rows(_ report: LedgerReport) -> [[String]] {
        var lines: [[String]] = []
        let month = report.month.description, asOf = report.asOf.description
        func counts(_ counts: LedgerCounts) -> [String] {
            [counts.openAtStart, counts.opened, counts.returned, counts.closed, counts.openAtEnd].map(String.init)
        }
        let scope = report.school.map { "学校\($0)" } ?? report.township.map { "乡镇\($0)" } ?? "全部"
        lines.append([month, asOf, "合计", scope, ""] + counts(report.total) + [String(report.dropoutsOnRegister)])
        for line in report.byTownship {
            lines.append([month, asOf, "按乡镇", line.township, line.townshipName ?? ""] + counts(line.counts) + [String(line.dropoutsOnRegister)])
        }
        for line in report.byCause {
            lines.append([month, asOf, "按辍学原因", line.cause?.chinese ?? "未填写原因", ""] + counts(line.counts) + [""])
        }
        return lines
    }

    /// RFC 4180 quoting, and a leading apostrophe for a cell Excel would run as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Int(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
