import BaoxueContracts
import BaoxueSpreadsheet
import Foundation

/// The year's student-aid totals as a file for Excel: UTF-8 with a byte order mark, CRLF line
/// ends, Chinese headers, one rectangular table (the county line, then by program, stage and
/// township). Amounts are written in 元 and 万元 with two decimals from integer fen, so the
/// sheet's figures are the summary's figures to the fen.
public enum SubsidyTotalsCSV {
    public static let headers = ["年度", "分组", "代码", "名称", "人次", "金额（元）", "金额（万元）", "中央（元）", "省级（元）", "县财政（元）", "县财政（万元）"]

    public static func data(_ totals: SubsidyTotals) -> Data {
        var text = "\u{FEFF}"
        for line in [headers] + rows(totals) {
            text += line.map(LedgerReportCSV.field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    public static func workbook(_ totals: SubsidyTotals) throws -> Data {
        try XLSXWriter.data([SheetTable(name: "学生资助\(totals.year)", headers: headers, rows: rows(totals))])
    }

    public static func fileName(_ year: Int, extension suffix: String = "csv") -> String {
        "学生资助汇总-\(year).\(suffix)"
    }

    static func rows(_ totals: SubsidyTotals) -> [[String]] {
        let year = String(totals.year)
        func money(_ personTimes: Int, _ fen: Int64, _ split: FundingSplit) -> [String] {
            [String(personTimes), Fen.yuan(fen), Fen.wanYuan(fen), Fen.yuan(split.central), Fen.yuan(split.provincial), Fen.yuan(split.county), Fen.wanYuan(split.county)]
        }
        var lines = [[year, "合计", "", "全部"] + money(totals.personTimes, totals.amountFen, totals.split)]
        for (group, list) in [("按项目", totals.byProgram), ("按学段", totals.byStage), ("按乡镇", totals.byTownship)] {
            for line in list { lines.append([year, group, line.key, line.label] + money(line.personTimes, line.amountFen, line.split)) }
        }
        return lines
    }
}
