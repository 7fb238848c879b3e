import BaoxueContracts

/// How alerts and cases read in a terminal.
enum MonitorText {
    static func state(_ state: AlertState, _ language: Language) -> String {
        switch state {
        case .open: language.pick("待签收", "open")
        case .acknowledged: language.pick("已签收", "acknowledged")
        case .resolved: language.pick("已解除", "resolved")
        }
    }

    static func state(_ state: CaseState, _ language: Language) -> String {
        switch state {
        case .open: language.pick("劝返中", "open")
        case .probation: language.pick("观察期", "probation")
        case .closed: language.pick("已销号", "closed")
        }
    }

    static func alerts(_ alerts: [Alert], _ language: Language, townships: [String: String] = [:]) -> String {
        var table = TextTable(headers: [language.pick("编号", "id"), language.pick("级别", "severity"), language.pick("规则", "rule"), language.pick("学生", "student"), language.pick("乡镇", "township"), language.pick("状态", "state"), language.pick("时间(UTC)", "time (UTC)")])
        table.rows = alerts.map {
            ["\($0.id)", $0.severity == .urgent ? language.pick("紧急", "urgent") : language.pick("预警", "warning"), "\($0.rule.number) \($0.rule.label(language))", "\($0.studentName) \($0.student)", PlaceText.township($0.township, townships), state($0.state, language), String($0.createdAt.prefix(16))]
        }
        return table.rendered + "\n" + language.pick("共\(alerts.count)条", "\(alerts.count) alerts")
    }

    static func alert(_ alert: Alert, _ language: Language, townships: [String: String] = [:]) -> String {
        var lines = [
            "\(language.pick("预警", "Alert")) \(alert.id) · \(alert.rule.label(language)) · \(state(alert.state, language))",
            alert.text(language),
            "\(language.pick("学生", "student")): \(alert.studentName) \(alert.student)  \(language.pick("乡镇", "township")): \(PlaceText.township(alert.township, townships))  \(language.pick("学校", "school")): \(alert.school)",
            "\(language.pick("产生", "raised")): \(alert.createdAt)",
        ]
        if let at = alert.acknowledgedAt { lines.append("\(language.pick("签收", "acknowledged")): \(at) \(alert.acknowledgedBy ?? "") \(alert.note ?? "")") }
        if let at = alert.resolvedAt { lines.append("\(language.pick("解除", "resolved")): \(at) \(Localized.pick(alert.resolution ?? "", language))") }
        if let caseID = alert.caseID { lines.append(language.pick("案件：baoxue case show \(caseID)", "Case: baoxue case show \(caseID)")) }
        return lines.joined(separator: "\n")
    }

    static func cases(_ cases: [CaseSummary], _ language: Language, townships: [String: String] = [:]) -> String {
        casesTable(cases, language, townships: townships).rendered + "\n" + language.pick("共\(cases.count)件", "\(cases.count) cases")
    }

    /// The cases as rows, for the screen and for `--out`.
    static func casesTable(_ cases: [CaseSummary], _ language: Language, townships: [String: String] = [:]) -> TextTable {
        var table = TextTable(headers: [
            language.pick("编号", "id"), language.pick("学生", "student"), language.pick("年级", "grade"), language.pick("乡镇", "township"), language.pick("学校", "school"),
            language.pick("立案", "opened"), language.pick("状态", "state"), language.pick("双线负责人", "leads"), language.pick("走访", "visits"), language.pick("原因", "causes"),
        ])
        table.rows = cases.map {
            ["\($0.id)", "\($0.studentName)\($0.registeredPoor ? language.pick("（建档立卡）", " (poor)") : "")", SchoolGrade.label($0.grade, language),
             PlaceText.township($0.township, townships), PlaceText.named($0.schoolName, $0.school), $0.openedOn.description, state($0.state, language),
             $0.isAssigned ? "\($0.townshipOfficial ?? "")/\($0.schoolTeacher ?? "")" : language.pick("未指定", "none"), "\($0.visits)", DropoutCause.list($0.causes, language)]
        }
        return table
    }

    static func caseFile(_ file: CaseFile, _ language: Language, townships: [String: String] = [:]) -> String {
        let s = file.summary
        var table = TextTable(headers: [language.pick("项目", "field"), language.pick("内容", "value")])
        table.rows = [
            [language.pick("案件", "case"), "\(s.id) · \(state(s.state, language))\(s.reopened > 0 ? language.pick("（重新立案\(s.reopened)次）", " (reopened \(s.reopened)×)") : "")"],
            [language.pick("学生", "student"), "\(s.studentName) \(s.student) · \(SchoolGrade.label(s.grade, language)) · \(s.age)\(language.pick("岁", " years"))\(s.registeredPoor ? language.pick(" · 建档立卡", " · registered poor") : "")"],
            [language.pick("学校/乡镇", "school/township"), "\(PlaceText.named(s.schoolName, s.school)) / \(PlaceText.township(s.township, townships))"],
            [language.pick("立案", "opened"), "\(s.openedOn) (\(s.origin.rawValue))"],
            [language.pick("乡镇负责人", "township official"), s.townshipOfficial ?? language.pick("未指定", "not named")],
            [language.pick("学校负责人", "school teacher"), s.schoolTeacher ?? language.pick("未指定", "not named")],
            [language.pick("原因", "causes"), DropoutCause.list(s.causes, language)],
            [language.pick("措施", "measures"), CaseMeasure.list(s.measures, language) + (s.vocationalEligible ? language.pick("（14–16岁，可安排职业中学）", " (aged 14–16: vocational school may be offered)") : "")],
            [language.pick("送教", "teaching"), language.pick("本学年\(s.lessons)节 / 年度要求\(file.teachingQuota)节", "\(s.lessons) lessons this school year / \(file.teachingQuota) a year")],
            [language.pick("结果", "outcome"), s.outcome.map { "\($0.label(language)) \(s.closedOn?.description ?? "")" + (s.probationUntil.map { language.pick("，观察至\($0)", ", watched until \($0)") } ?? "") } ?? "—"],
        ]
        var text = table.rendered
        if !file.visits.isEmpty {
            var visits = TextTable(headers: [language.pick("走访日期", "visit"), language.pick("人员", "visitors"), language.pick("结果", "outcome"), language.pick("下次", "next"), language.pick("活动", "campaign")])
            visits.rows = file.visits.map { [$0.date.description, $0.visitors.joined(separator: "、"), $0.outcome, $0.nextVisit?.description ?? "", $0.campaign ?? ""] }
            text += "\n\n" + visits.rendered
        }
        if !file.steps.isEmpty {
            text += "\n\n" + file.steps.map { "\($0.date) \($0.step.label(language)) \($0.note ?? "")" }.joined(separator: "\n")
        }
        if !file.siblings.isEmpty {
            var siblings = TextTable(headers: [language.pick("同户子女", "siblings"), language.pick("学校", "school"), language.pick("年级", "grade"), language.pick("学籍状态", "status"), language.pick("案件", "case")])
            siblings.rows = file.siblings.map { ["\($0.name) \($0.student)", $0.school, SchoolGrade.label($0.grade, language), $0.status.label(language), $0.openCase.map { "\($0)" } ?? ""] }
            text += "\n\n" + siblings.rendered
        }
        text += "\n\n" + language.pick("办理记录：", "History:") + "\n" + file.history.map { "\($0.at.prefix(16)) \($0.actor) \($0.kind): \($0.detail)" }.joined(separator: "\n")
        return text
    }
}
