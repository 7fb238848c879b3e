import BaoxueContracts
import BaoxueSpreadsheet
import Foundation

/// The KPI sheet as a file for Excel, in the ledger report's form (UTF-8 with a byte order mark,
/// CRLF, Chinese headers, one rectangular table): the scope's line, then each township's, then
/// each school's. A rate that cannot be computed is an empty cell, never a zero.
public enum KPICSV {
    public static let headers = [
        "年度", "统计截至", "层级", "乡镇代码", "学校代码", "名称", "巩固率(%)", "在校率(%)", "应在校人数", "在册辍学人数",
        "本年立案", "本年劝返复学", "在办案件", "待核查疑似辍学", "资助学期", "资助覆盖率(%)", "代理家长覆盖率(%)", "送教课时", "应送教课时", "送教完成率(%)", "目标责任书达标",
    ]

    public static func data(_ sheet: KPISheet) -> Data {
        LedgerCSV.render(headers: headers, rows: rows(sheet))
    }

    public static func workbook(_ sheet: KPISheet) throws -> Data {
        try LedgerCSV.workbook(title: "关键指标\(sheet.year)", headers: headers, rows: rows(sheet))
    }

    static func rows(_ sheet: KPISheet) -> [[String]] {
        sheet.lines.map { line in
            let level = switch line.level {
            case .county: "全县"
            case .township: "乡镇"
            case .school: "学校"
            }
            return [
                String(sheet.year), sheet.asOf.description, level, line.township ?? "", line.school ?? "", line.name ?? "",
                rate(line.consolidationRate), rate(line.inSchoolRate), String(line.shouldAttend), String(line.droppedOut),
                String(line.casesOpened), String(line.casesReturned), String(line.openCases), String(line.suspectsOpen),
                sheet.term.label(.zh), rate(line.subsidyCoverage), rate(line.surrogateCoverage),
                String(line.teachingLessons), String(line.teachingQuota), rate(line.teachingRate),
                line.targetsMet.map { $0 ? "是" : "否" } ?? "",
            ]
        }
    }

    static func rate(_ value: Double?) -> String { value.map(SummaryDocument.number) ?? "" }
}
