import BaoxueContracts

/// How responsibility documents and their scores read in a terminal, in the asked language.
enum TargetText {
    static func list(_ documents: [TargetDocument], _ language: Language) -> String {
        var table = TextTable(headers: language == .zh ?
            ["编号", "年度", "签订方", "代码", "名称", "目标", "签字人", "签订日期"] :
            ["id", "year", "party", "code", "name", "targets", "signed by", "signed on"])
        table.rows = documents.map { document in
            [String(document.id), String(document.year), party(document.partyKind, language), document.party, document.partyName ?? "",
             targets(document, language), document.signedBy.joined(separator: language == .zh ? "、" : ", "), document.signedOn.description]
        }
        return table.rendered + "\n" + language.pick("共\(documents.count)份目标责任书", "\(documents.count) document\(documents.count == 1 ? "" : "s")")
    }

    /// What `target add` prints: the document as recorded.
    static func recorded(_ document: TargetDocument, _ language: Language) -> String {
        let replaced = document.replaces.map { language.pick("，取代编号\($0)", "; replaces document \($0)") } ?? ""
        return language.pick(
            "已录入\(document.year)年\(document.partyKind.issuer)与\(party(document.partyKind, language))\(document.party)\(document.partyName.map { "（\($0)）" } ?? "")的目标责任书，编号\(document.id)\(replaced)",
            "Recorded the \(document.year) responsibility document of \(document.partyKind.rawValue) \(document.party)\(document.partyName.map { " (\($0))" } ?? ""): id \(document.id)\(replaced)")
            + "\n" + list([document], language)
    }

    static func score(_ sheet: TargetScoreSheet, _ language: Language) -> String {
        let state = sheet.complete
            ? language.pick("年度已结束", "the year is over")
            : language.pick("年度进行中，为进度数据", "the year is still running: figures so far")
        var lines = [language.pick("\(sheet.year)年度控辍保学目标责任考核（截至\(sheet.asOf)，\(state)）", "Responsibility targets \(sheet.year) (as of \(sheet.asOf); \(state))")]
        var table = TextTable(headers: language == .zh ?
            ["签订方", "代码", "名称", "在校/应在校", "在校率", "巩固率", "在册辍学", "年内立案", "年内劝返", "在办案件", "目标与实际", "总评"] :
            ["party", "code", "name", "in school", "in-school rate", "consolidation", "dropouts", "opened", "returned", "open cases", "targets and actuals", "overall"])
        for score in sheet.scores {
            let document = score.document
            table.rows.append(
                [party(document.partyKind, language), document.party, document.partyName ?? ""] + figures(score.figures, language)
                    + [score.results.map { result($0, language) }.joined(separator: language == .zh ? "；" : "; "), verdict(score.met, language)])
        }
        table.rows.append([language.pick("合计", "total"), sheet.school ?? sheet.township ?? language.pick("全县", "county"), ""] + figures(sheet.total, language) + ["", ""])
        lines.append(table.rendered)
        lines.append(language.pick(
            "口径：在校率 =（在读+休学）÷（在读+休学+转出待接收+辍学），为学籍在册口径，不是巩固率；巩固率见下；在册辍学、在办案件为年末（年度进行中为当前）数；立案、劝返按日期计入年度。",
            "In-school rate = (enrolled + suspended) ÷ (enrolled + suspended + transferred out + dropped out), a register figure, not the consolidation rate (below); dropouts and open cases at the year's end (now, while it runs); openings and returns by their dates in the year."))
        if let consolidation = sheet.total.consolidation {
            lines.append("")
            lines.append(self.consolidation(consolidation, lines: sheet.consolidation ?? [], scope: sheet, language))
        }
        return lines.joined(separator: "\n")
    }

    /// The cohort consolidation rate (巩固率) of the sheet's scope, with a line per township (the
    /// county's sheet) or per school (a township's), and what stands in the way of a figure.
    static func consolidation(_ total: ConsolidationRate, lines: [ConsolidationLine], scope: TargetScoreSheet, _ language: Language) -> String {
        let completed = "\(total.schoolYear - 1)–\(total.schoolYear)"
        let entered = "\(total.entryYear - 1)–\(total.entryYear)"
        var text = [language.pick(
            "九年义务教育巩固率（\(total.schoolYear)届）：\(completed)学年初三毕业人数 ÷ \(entered)学年一年级入学人数",
            "Nine-year consolidation rate (class of \(total.schoolYear)): grade-9 completers of \(completed) ÷ grade-1 entrants of \(entered)")]
        if !total.historyCovers {
            text.append(historyGap(total, language))
        }
        if !total.complete {
            text.append(language.pick("\(completed)学年尚未结束，毕业人数为截至目前。", "The \(completed) school year is not over: completers so far."))
        }
        let shown: [ConsolidationLine]
        if scope.school != nil {
            shown = []
        } else if scope.township != nil {
            shown = lines.filter { $0.school != nil }
        } else {
            shown = lines.filter { $0.school == nil }
        }
        var table = TextTable(headers: language == .zh ? ["范围", "代码", "名称", "初三毕业", "一年级入学", "巩固率"] : ["scope", "code", "name", "completers", "entrants", "rate"])
        table.rows = shown.map { line in
            [line.school == nil ? language.pick("乡镇", "township") : language.pick("学校", "school"), line.school ?? line.township,
             (line.school == nil ? line.townshipName : line.schoolName) ?? ""] + cohortCells(line.consolidation, language)
        }
        table.rows.append([language.pick("合计", "total"), scope.school ?? scope.township ?? language.pick("全县", "county"), ""] + cohortCells(total, language))
        text.append(table.rendered)
        return text.joined(separator: "\n")
    }

    /// `历史记录不足：最早记录2026年（2026-11-02起）…`: why there are no entrants to divide by.
    static func historyGap(_ rate: ConsolidationRate, _ language: Language) -> String {
        guard let begins = rate.historyBegins else {
            return language.pick("历史记录不足：尚无学籍历史记录，巩固率暂不计算。", "History too short: there is no register history yet, so there is no rate.")
        }
        return language.pick(
            "历史记录不足：最早记录\(begins.year)年（\(begins)起），计算需自\(rate.entryBegins)起的一年级入学记录，巩固率暂不计算。",
            "History too short: the earliest record is from \(begins.year) (\(begins)); the rate needs grade-1 entries from \(rate.entryBegins), so there is none.")
    }

    /// Completers, entrants (— where the history does not reach), rate (— where it cannot be had).
    static func cohortCells(_ rate: ConsolidationRate, _ language: Language) -> [String] {
        [String(rate.completers), rate.entrants.map(String.init) ?? "—", rate.rate.map { "\(number($0))%" } ?? "—"]
    }

    static func figures(_ figures: TargetFigures, _ language: Language) -> [String] {
        ["\(figures.inSchool)/\(figures.shouldAttend)", figures.enrolmentRate.map { "\(number($0))%" } ?? "—",
         figures.consolidation?.rate.map { "\(number($0))%" } ?? "—", String(figures.droppedOut),
         String(figures.casesOpened), String(figures.casesReturned), String(figures.openCases)]
    }

    /// `辍学≤0 实2 未达标`, `dropouts ≤ 0: 2, not met`.
    static func result(_ result: TargetResult, _ language: Language) -> String {
        let comparison = result.kind.isCeiling ? "≤" : "≥"
        let unit = result.kind == .minEnrolmentRate ? "%" : ""
        let actual = result.actual.map { number($0) + unit } ?? "—"
        return language.pick(
            "\(short(result.kind, language))\(comparison)\(number(result.target))\(unit) 实\(actual) \(verdict(result.met, language))",
            "\(short(result.kind, language)) \(comparison) \(number(result.target))\(unit): \(actual), \(verdict(result.met, language))")
    }

    static func targets(_ document: TargetDocument, _ language: Language) -> String {
        document.targets.map { kind, value in
            "\(short(kind, language))\(language == .zh ? "" : " ")\(kind.isCeiling ? "≤" : "≥")\(language == .zh ? "" : " ")\(number(value))\(kind == .minEnrolmentRate ? "%" : "")"
        }.joined(separator: language == .zh ? "；" : "; ")
    }

    static func short(_ kind: TargetKind, _ language: Language) -> String {
        switch kind {
        case .maxDropouts: language.pick("辍学", "dropouts")
        case .minEnrolmentRate: language.pick("在校率", "in-school rate")
        case .maxOpenCases: language.pick("在办案件", "open cases")
        }
    }

    static func verdict(_ met: Bool?, _ language: Language) -> String {
        switch met {
        case true?: language.pick("达标", "met")
        case false?: language.pick("未达标", "not met")
        case nil: language.pick("无法评估", "not assessable")
        }
    }

    static func party(_ kind: TargetPartyKind, _ language: Language) -> String {
        language == .zh ? kind.chinese : kind.rawValue
    }

    /// `96`, `96.5`, `99.87`: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
