import BaoxueContracts

/// How the monthly ledger report reads in a terminal: one table by township with the total, one
/// by cause.
enum LedgerReportText {
    static func report(_ report: LedgerReport, _ language: Language) -> String {
        let scope = report.school.map { language.pick("学校\($0)", "school \($0)") } ?? report.township.map { language.pick("乡镇\($0)", "township \($0)") } ?? language.pick("全县", "county")
        let state = report.complete ? "" : language.pick("，本月尚未结束，截至\(report.asOf)", "; the month is still running, as of \(report.asOf)")
        var lines = [language.pick(
            "\(report.month.year)年\(report.month.month)月控辍保学台账月报（\(scope)；\(report.from)至\(report.to)\(state)）",
            "Dropout ledger report \(report.month) (\(scope); \(report.from) to \(report.to)\(state))")]
        let counts = language == .zh ? ["月初在办", "本月立案", "劝返复学", "其他销号", "月末在办"] : ["open at start", "opened", "returned", "closed", "open at end"]
        func cells(_ counts: LedgerCounts) -> [String] {
            [counts.openAtStart, counts.opened, counts.returned, counts.closed, counts.openAtEnd].map(String.init)
        }
        var townships = TextTable(headers: [language.pick("乡镇", "township"), language.pick("名称", "name")] + counts + [language.pick("月末在册辍学", "dropouts on register")])
        townships.rows = report.byTownship.map { [$0.township, $0.townshipName ?? ""] + cells($0.counts) + [String($0.dropoutsOnRegister)] }
        townships.rows.append([language.pick("合计", "total"), ""] + cells(report.total) + [String(report.dropoutsOnRegister)])
        lines.append(townships.rendered)
        lines.append("")
        var causes = TextTable(headers: [language.pick("辍学原因", "cause")] + counts)
        causes.rows = report.byCause.map { [$0.cause?.label(language) ?? language.pick("未填写原因", "not recorded")] + cells($0.counts) }
        lines.append(causes.rendered)
        lines.append(language.pick(
            "说明：月初在办 + 本月立案 − 劝返复学 − 其他销号 = 月末在办；重新立案也计入本月立案；一案多因时每个原因各计一次，分项之和可大于合计；日期按县时间（UTC+8）。",
            "Open at start + opened − returned − closed = open at end; a reopened case counts as opened again; a case with several causes counts under each, so causes may add up to more than the total; dates in county time (UTC+8)."))
        return lines.joined(separator: "\n")
    }
}
