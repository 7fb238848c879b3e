import BaoxueContracts

/// How the summary's entered figures read in a terminal: every key, entered or not, so an
/// operator sees what the summary still lacks.
enum ReportText {
    static func inputs(_ inputs: [ReportInput], _ language: Language) -> String {
        var table = TextTable(headers: language == .zh ? ["项目", "名称", "数值", "单位", "录入人", "录入时间", "备注"] : ["key", "name", "value", "unit", "entered by", "entered at", "note"])
        table.rows = ReportInputKey.allCases.map { key in
            let input = inputs.first { $0.key == key }
            let unit = key.unit.map { language == .zh ? $0.zh : $0.en } ?? ""
            return [key.rawValue, key.label(language), input?.value ?? language.pick("（未录入）", "(not entered)"), unit, input?.enteredBy ?? "", input?.enteredAt ?? "", input?.note ?? ""]
        }
        let missing = ReportInputKey.allCases.count - inputs.count
        return table.rendered + "\n" + language.pick("已录入\(inputs.count)项，未录入\(missing)项（总结中将注明未录入）", "\(inputs.count) entered, \(missing) not (the summary says which are missing)")
    }

    static func entered(_ input: ReportInput, _ language: Language) -> String {
        let unit = input.key.unit.map { language == .zh ? $0.zh : " \($0.en)" } ?? ""
        return language.pick("已录入\(input.year)年\(input.key.chinese)：\(input.value)\(unit)", "Entered \(input.key.english) for \(input.year): \(input.value)\(unit)")
    }

    static func kpis(_ sheet: KPISheet, _ language: Language) -> String {
        let state = sheet.complete ? language.pick("全年", "whole year") : language.pick("年度进行中", "year still running")
        var table = TextTable(headers: language == .zh
            ? ["层级", "名称", "巩固率", "在校率", "在册辍学", "在办案件", "劝返复学", "待核查", "资助覆盖", "代理家长覆盖", "送教/应送", "达标"]
            : ["level", "name", "consolidation", "in school", "dropouts", "open cases", "returned", "suspects", "aid", "surrogates", "lessons/due", "targets"])
        let rate = SummaryDocument.percent
        table.rows = sheet.lines.map { line in
            let level = switch line.level {
            case .county: language.pick("全县", "county")
            case .township: language.pick("乡镇", "township")
            case .school: language.pick("学校", "school")
            }
            return [level, line.name ?? line.school ?? line.township ?? language.pick("全县", "county"), rate(line.consolidationRate), rate(line.inSchoolRate),
                    String(line.droppedOut), String(line.openCases), String(line.casesReturned), String(line.suspectsOpen),
                    rate(line.subsidyCoverage), rate(line.surrogateCoverage), "\(line.teachingLessons)/\(line.teachingQuota)",
                    line.targetsMet.map { $0 ? language.pick("是", "met") : language.pick("否", "missed") } ?? "—"]
        }
        return language.pick("\(sheet.year)年关键指标（截至\(sheet.asOf)，\(state)；资助覆盖为\(sheet.term.label(.zh))学期）", "KPIs \(sheet.year) (as of \(sheet.asOf), \(state); aid coverage for \(sheet.term.label(.en)))") + "\n" + table.rendered
    }
}
