import BaoxueContracts

/// The yearly work summary (控辍保学工作总结) as Markdown, written from a ``CountySummary`` alone
/// and following the county's own document (`county-work-summary.zh.txt`): 责任 (responsibility
/// and monitoring), 保障 (school conditions and teachers), 帮扶关爱 (aid and care), then a note on
/// where each figure came from.
///
/// Every number is one the services counted or an operator entered (marked 录入); a sentence
/// whose figure neither holds says so in words and tells the operator how to enter it. Nothing is
/// ever printed as "XX" or made up, and the document's narrative keeps to what the figures show
/// (decision 128).
struct SummaryDocument {
    let summary: CountySummary
    let language: Language

    func say(_ zh: String, _ en: String) -> String { language.pick(zh, en) }

    var markdown: String {
        ([title, preface] + responsibility + conditions + support + notes).joined(separator: "\n\n") + "\n"
    }

    // MARK: Title

    var place: String {
        if let name = summary.input(.countyName)?.value { return say(name, name) }
        return say("我县", "the county")
    }

    var title: String {
        let county = summary.input(.countyName)?.value
        let scope = summary.townshipName ?? summary.township
        var heading = say("# \(county ?? "")\(scope ?? "")\(summary.year)年控辍保学工作总结", "# Work summary on keeping every child in school, \(scope.map { "\($0), " } ?? "")\(county.map { "\($0), " } ?? "")\(summary.year)")
        if summary.school != nil { heading += say("（学校范围）", " (one school)") }
        return heading
    }

    var preface: String {
        let asOf = summary.complete
            ? say("本总结为\(summary.year)年全年数据。", "The figures cover the whole of \(summary.year).")
            : say("\(summary.year)年尚未结束，数据截至\(summary.asOf)。", "\(summary.year) is not over: the figures run to \(summary.asOf).")
        return say(
            "> \(asOf)各项数字由保学系统根据学籍、控辍监测、资助、关爱各服务的实时数据统计；标“录入”者为县级操作员录入。\n\n近年来，\(place)以义务教育均衡发展为抓手，以农村薄弱学校和建档立卡贫困家庭学生为重点，落实控辍保学工作责任，现就\(summary.year)年控辍保学工作总结如下：",
            "> \(asOf) Every figure was counted by Baoxue from the live data of the registry, dropout monitoring, subsidy and care services; those marked \"entered\" were entered by a county operator.\n\nThis summary reports \(place)'s work in \(summary.year) to keep every child in school.")
    }

    // MARK: 一、责任

    var responsibility: [String] {
        [say("## 一、落实责任，依法控辍，筑牢控辍保学防线", "## 1. Responsibility: keeping children in school by law"), targetsParagraph, monitoringParagraph, persuasionParagraph]
    }

    var targetsParagraph: String {
        let scores = summary.targets.scores
        guard !scores.isEmpty else {
            return say("**一是压实工作责任。** 本年度系统中尚未录入控辍保学目标责任书（可用 `baoxue target add` 录入）。",
                "**Responsibility targets.** No responsibility document has been recorded for this year (record them with `baoxue target add`).")
        }
        let townships = scores.filter { $0.document.partyKind == .township }.count
        let schools = scores.count - townships
        let met = scores.filter { $0.met == true }.count
        let missed = scores.filter { $0.met == false }
        let open = scores.count - met - missed.count
        var signed: [String] = []
        if townships > 0 { signed.append(say("县政府与\(townships)个乡镇签订了控辍保学工作目标责任书", "the county government signed responsibility documents with \(townships) townships")) }
        if schools > 0 { signed.append(say("县教体局与\(schools)所学校签订了控辍保学责任书", "the education bureau with \(schools) schools")) }
        var text = say(
            "**一是压实工作责任。** \(signed.joined(separator: "，"))，全面落实“双线控辍”工作目标责任制。按\(summary.targets.asOf)的实时数据评分，\(met)份达标",
            "**Responsibility targets.** In \(summary.year) \(signed.joined(separator: ", ")). Scored on live data as of \(summary.targets.asOf), \(met) met their targets")
        text += missed.isEmpty ? "" : say("，\(missed.count)份未达标（\(missed.map(missedTarget).joined(separator: "；"))）", ", \(missed.count) did not (\(missed.map(missedTarget).joined(separator: "; ")))")
        text += open > 0 ? say("，\(open)份尚无法评定", ", and \(open) cannot be scored yet") : ""
        return text + say("。", ".")
    }

    func missedTarget(_ score: TargetScore) -> String {
        let name = score.document.partyName ?? score.document.party
        let misses = score.results.filter { $0.met == false }.map { result in
            say("\(result.kind.chinese)\(Self.number(result.target))，实际\(result.actual.map(Self.number) ?? "—")", "\(result.kind.rawValue) \(Self.number(result.target)), actual \(result.actual.map(Self.number) ?? "—")")
        }
        return say("\(name)：\(misses.joined(separator: "，"))", "\(name): \(misses.joined(separator: ", "))")
    }

    var monitoringParagraph: String {
        let changes = summary.changes
        let register = summary.monitor.total.register
        var parts: [String] = []
        let kinds: [StatusChangeKind] = [.enroll, .transferIn, .transferOut, .suspend, .extendSuspension, .resume, .dropOut, .return, .graduate, .death]
        let listed = kinds.filter { changes.count($0) > 0 }.map { say("\($0.label(.zh))\(changes.count($0))人", "\($0.label(.en)) \(changes.count($0))") }
        parts.append(say(
            "**二是完善动态监测机制。** 各中小学依托学籍管理系统建立控辍保学信息库，全年办理学籍变动\(changes.total)人次" + (listed.isEmpty ? "" : "（\(listed.joined(separator: "、"))）") + (changes.incomplete > 0 ? "，其中\(changes.incomplete)件证明材料尚未齐全" : "，证明材料齐全") + "。",
            "**Monitoring.** Schools recorded \(changes.total) status changes on the register" + (listed.isEmpty ? "" : " (\(listed.joined(separator: ", ")))") + (changes.incomplete > 0 ? "; \(changes.incomplete) still lack a supporting document" : "; every one has its documents") + "."))
        parts.append(say(
            "截至\(summary.monitor.asOf)，应在校学生\(register.shouldAttend)人，在校\(register.inSchool)人（在读\(register.enrolled)人、休学\(register.suspended)人）" + (register.enrolmentRate.map { "，在校率\(Self.number($0))%" } ?? "") + "，在籍辍学\(register.droppedOut)人。",
            "As of \(summary.monitor.asOf), \(register.shouldAttend) children should be in school and \(register.inSchool) are (\(register.enrolled) attending, \(register.suspended) suspended)" + (register.enrolmentRate.map { ", an in-school rate of \(Self.number($0))%" } ?? "") + "; \(register.droppedOut) are dropped out on the register."))
        parts.append(consolidationSentence(register.consolidation))
        parts.append(crosscheckSentence)
        return parts.filter { !$0.isEmpty }.joined(separator: language == .zh ? "" : " ")
    }

    func consolidationSentence(_ rate: ConsolidationRate?) -> String {
        guard let rate else { return "" }
        if let value = rate.rate, let entrants = rate.entrants {
            return say(
                "九年义务教育巩固率\(Self.number(value))%（\(rate.entryYear - 1)—\(rate.entryYear)学年入学一年级\(entrants)人，\(rate.schoolYear - 1)—\(rate.schoolYear)学年完成九年级\(rate.completers)人\(rate.complete ? "" : "，学年尚未结束")）。",
                "The nine-year consolidation rate is \(Self.number(value))% (\(entrants) entered grade 1 in \(rate.entryYear - 1)–\(rate.entryYear), \(rate.completers) completed grade 9 in \(rate.schoolYear - 1)–\(rate.schoolYear)\(rate.complete ? "" : ", school year still running")).")
        }
        let begins = rate.historyBegins.map { say("始于\($0)", "begins on \($0)") } ?? say("尚未开始", "has not begun")
        return say(
            "九年义务教育巩固率：系统的学籍历史\(begins)，不足以统计\(rate.entryYear - 1)—\(rate.entryYear)学年入学的一年级人数，本总结不列此率（\(rate.schoolYear - 1)—\(rate.schoolYear)学年完成九年级\(rate.completers)人）。",
            "Consolidation rate: the register's history \(begins), too late to count who entered grade 1 in \(rate.entryYear - 1)–\(rate.entryYear), so no rate is given (\(rate.completers) completed grade 9 in \(rate.schoolYear - 1)–\(rate.schoolYear)).")
    }

    var crosscheckSentence: String {
        let suspects = summary.monitor.suspects
        let verified = suspects.verified.map { say("\($0.category.chinese)\($0.count)人", "\($0.category.rawValue) \($0.count)") }
        return say(
            "与户籍、建档立卡等名单比对，全年新发现疑似辍学\(suspects.found)人（其中建档立卡家庭\(suspects.foundRegisteredPoor)人），核查\(suspects.verifiedTotal)人" + (verified.isEmpty ? "" : "（\(verified.joined(separator: "、"))）") + "，排除\(suspects.cleared)人，尚待核查\(suspects.open)人。",
            "Cross-checks against the household and poverty rosters found \(suspects.found) suspected dropouts (\(suspects.foundRegisteredPoor) from registered poor households); \(suspects.verifiedTotal) were verified" + (verified.isEmpty ? "" : " (\(verified.joined(separator: ", ")))") + ", \(suspects.cleared) cleared, \(suspects.open) still to verify.")
    }

    var persuasionParagraph: String {
        let register = summary.monitor.total.register
        let casework = summary.monitor.casework
        let causes = casework.causes.map { line in
            say("\(line.cause?.chinese ?? "原因未填")\(line.count)件", "\(line.cause?.rawValue ?? "cause not recorded") \(line.count)")
        }
        let others = casework.outcomes.filter { $0.outcome != .returned && $0.count > 0 }.map { say("\($0.outcome.chinese)\($0.count)人", "\($0.outcome.rawValue) \($0.count)") }
        var text = say(
            "**三是开展辍学劝返。** 按照“一家一案，一生一策”，全年立案（含重新立案）\(register.casesOpened)件" + (causes.isEmpty ? "" : "（\(causes.joined(separator: "、"))）") + "，劝返复学\(register.casesReturned)人" + (others.isEmpty ? "" : "，另\(others.joined(separator: "、"))") + "，年末在办\(register.openCases)件" + (register.openCases == 0 ? "，实现动态清零" : "") + "。",
            "**Persuasion and return.** One plan per family, one strategy per child: \(register.casesOpened) cases were opened or reopened" + (causes.isEmpty ? "" : " (\(causes.joined(separator: ", ")))") + ", \(register.casesReturned) children returned to school" + (others.isEmpty ? "" : ", and \(others.joined(separator: ", "))") + "; \(register.openCases) cases were open at the year's end" + (register.openCases == 0 ? " (cleared to zero)" : "") + ".")
        let campaigns = casework.campaigns.map { say("“\($0.campaign)”\($0.visits)次", "\"\($0.campaign)\" \($0.visits)") }
        text += say(
            "全年上门劝返\(casework.visits)次，涉及\(casework.visitedCases)件案件" + (campaigns.isEmpty ? "" : "，其中\(campaigns.joined(separator: "、"))") + "。",
            " Home visits: \(casework.visits), for \(casework.visitedCases) cases" + (campaigns.isEmpty ? "" : ", of them \(campaigns.joined(separator: ", "))") + ".")
        if !casework.legalSteps.isEmpty {
            let steps = casework.legalSteps.map { say("\($0.step.chinese)\($0.count)次", "\($0.step.rawValue) \($0.count)") }
            text += say("依法控辍：\(steps.joined(separator: "、"))。", " Legal steps: \(steps.joined(separator: ", ")).")
        }
        text += teachingSentence
        return text
    }

    var teachingSentence: String {
        let year = summary.monitor.total.teaching
        let autumn = summary.monitor.teachingSinceAutumn
        var text = ""
        if summary.monitor.asOf >= CivilDate(year: summary.year, month: 9, day: 1)! {
            text += say("对因残因病无法到校的学生组织送教上门，\(summary.year)秋季学期以来，为\(autumn.children)名学生送教\(autumn.lessons)节；",
                " Home-delivered teaching for children who cannot come to school: since the \(summary.year) autumn term began, \(autumn.children) children were taught \(autumn.lessons) lessons;")
        } else {
            text += say("对因残因病无法到校的学生组织送教上门，", " Home-delivered teaching:")
        }
        text += say("全年为\(year.children)名学生送教\(year.sessions)次、\(year.lessons)节", " over the year \(year.children) children, \(year.sessions) visits, \(year.lessons) lessons")
        if let rate = year.quotaRate {
            text += say("，为应送教课时\(year.quotaLessons)节的\(Self.number(rate))%", ", \(Self.number(rate))% of the \(year.quotaLessons) lessons due")
        }
        return text + say("。", ".")
    }

    // MARK: 二、保障

    var conditions: [String] {
        [say("## 二、均衡发展，提升质量，夯实控辍保学基础", "## 2. Balanced development: school conditions and teachers"),
         entered(
            say("**一是全面改善办学条件。**", "**School conditions.**"),
            [.buildingInvestment, .newBuildingArea, .renovatedArea, .sportsGrounds, .equipmentInvestment],
            say("办学条件（校舍、运动场、装备投入）", "school conditions (buildings, sports grounds, equipment)")),
         entered(
            say("**二是加强农村教师队伍建设。**", "**Rural teachers.**"),
            [.newTeachers, .newRuralTeachers, .newVillageTeachers, .countyTeachersToRural, .townTeachersToVillage, .teacherTrainingFunds],
            say("教师补充、支教和培训经费", "teacher recruitment, exchanges and training funds"))]
    }

    /// A paragraph of entered figures, each marked as entered, and the ones not entered named as
    /// missing with the command that enters them.
    func entered(_ lead: String, _ keys: [ReportInputKey], _ topic: String) -> String {
        let present = keys.compactMap { summary.input($0) }
        let missing = keys.filter { summary.input($0) == nil }
        var text = lead + (language == .zh ? " " : "")
        if !present.isEmpty {
            let figures = present.map { input in
                let unit = input.key.unit.map { language == .zh ? $0.zh : " \($0.en)" } ?? ""
                return say("\(input.key.chinese)\(input.value)\(unit)（录入）", "\(input.key.english): \(input.value)\(unit) (entered)")
            }
            text += say("\(summary.year)年，\(figures.joined(separator: "，"))。", " In \(summary.year): \(figures.joined(separator: "; ")).")
        }
        if !missing.isEmpty {
            text += say(
                "本系统不掌握\(topic)的数据，以下数字尚未录入：\(missing.map(\.chinese).joined(separator: "、"))（县级操作员可用 `baoxue report inputs set --year \(summary.year) --key <项目> --value <数值>` 录入）。",
                " Baoxue holds no data on \(topic), and these figures were not entered: \(missing.map(\.english).joined(separator: ", ")) (a county operator enters them with `baoxue report inputs set --year \(summary.year) --key <key> --value <value>`).")
        }
        return text
    }

    // MARK: 三、帮扶关爱

    var support: [String] {
        [say("## 三、帮贫助困，真情关爱，提升控辍保学成效", "## 3. Aid and care"), aidParagraph, careParagraph]
    }

    var aidParagraph: String {
        let aid = summary.aid
        var text = say(
            "按照“应助尽助，不漏一人”的目标，\(summary.year)年\(place)共发放各类贫困学生资助金\(aid.personTimes)人次，\(Fen.wanYuan(aid.amountFen))万元，其中县财政投入\(Fen.wanYuan(aid.split.county))万元",
            "Aiming to aid every eligible child and miss none, \(aid.personTimes) aid payments were made in \(summary.year), \(Fen.wanYuan(aid.amountFen)) ten-thousand yuan in all, \(Fen.wanYuan(aid.split.county)) of it from county finance")
        let stages = aid.byStage.filter { $0.personTimes > 0 }.map { line in
            say("\(line.label)\(line.personTimes)人次\(Fen.wanYuan(line.amountFen))万元（县财政\(Fen.wanYuan(line.split.county))万元）", "\(line.labelEnglish) \(line.personTimes), \(Fen.wanYuan(line.amountFen)) (county \(Fen.wanYuan(line.split.county)))")
        }
        if !stages.isEmpty { text += say("；分学段：\(stages.joined(separator: "，"))", ": \(stages.joined(separator: "; "))") }
        text += say("。", ".")
        if aid.pendingPersonTimes > 0 {
            text += say("另有\(aid.pendingPersonTimes)人次\(Fen.wanYuan(aid.pendingFen))万元待银行确认，未计入。", " A further \(aid.pendingPersonTimes) payments (\(Fen.wanYuan(aid.pendingFen))) await the bank and are not counted.")
        }
        for term in summary.coverage where term.eligible > 0 {
            text += say(
                "\(term.term.label(.zh))学期应助\(term.eligible)人次，已助\(term.covered)人次" + (term.rate.map { "（覆盖率\(Self.number($0))%）" } ?? "") + (term.excluded > 0 ? "，有说明原因未助\(term.excluded)人次" : "") + (term.unpaid + term.failed + term.awaitingBatch > 0 ? "，尚未资助\(term.unpaid + term.failed + term.awaitingBatch)人次" : "") + "。",
                " \(term.term.label(.en)): \(term.eligible) eligible, \(term.covered) aided" + (term.rate.map { " (\(Self.number($0))%)" } ?? "") + (term.excluded > 0 ? ", \(term.excluded) not aided for a stated reason" : "") + (term.unpaid + term.failed + term.awaitingBatch > 0 ? ", \(term.unpaid + term.failed + term.awaitingBatch) not yet aided" : "") + ".")
        }
        return text
    }

    var careParagraph: String {
        let care = summary.care
        var totals: [ActivityKind: (activities: Int, childTimes: Int)] = [:]
        for line in care.activities { totals[line.kind, default: (0, 0)].activities += line.activities; totals[line.kind, default: (0, 0)].childTimes += line.childTimes }
        let activities = ActivityKind.allCases.compactMap { kind in
            totals[kind].map { say("\(kind.chinese)\($0.activities)次（\($0.childTimes)人次）", "\(kind.rawValue) \($0.activities) (\($0.childTimes) child-times)") }
        }
        return say(
            "建立农村留守儿童关爱保护工作台账，在册留守儿童\(care.children)人；有留守儿童的\(care.schools)所学校中\(care.homes)所建有留守儿童之家；\(care.surrogates)名代理家长结对\(care.withSurrogate)名留守儿童" + (care.coverage.map { "，覆盖率\(Self.number($0))%" } ?? "") + "；全年发布微心愿\(care.wishesPosted)个，已实现\(care.wishesFulfilled)个（价值\(care.wishesFulfilledValue)元）" + (activities.isEmpty ? "" : "；开展\(activities.joined(separator: "、"))") + "。",
            "The left-behind children's ledger holds \(care.children) children; \(care.homes) of the \(care.schools) schools with such children run a home for them; \(care.surrogates) surrogate parents care for \(care.withSurrogate) children" + (care.coverage.map { " (\(Self.number($0))%)" } ?? "") + "; \(care.wishesPosted) micro-wishes were posted and \(care.wishesFulfilled) fulfilled (worth \(care.wishesFulfilledValue) yuan)" + (activities.isEmpty ? "" : "; activities: \(activities.joined(separator: ", "))") + ".")
    }

    // MARK: 附

    var notes: [String] {
        var lines = [say("## 附：数据说明", "## Notes on the figures")]
        var items = [
            say("- 数据截至\(summary.asOf)\(summary.complete ? "（全年）" : "（年度进行中）")；学籍变动按生效日期计，案件、核查、送教按各自登记的日期计，在校人数按当日学籍状态计。",
                "- Figures as of \(summary.asOf)\(summary.complete ? " (whole year)" : " (year still running)"); register changes count by their effective date, cases, checks and teaching by the dates recorded, children in school by their status on that day."),
            say("- 来源：学籍变动来自学籍服务；在校、案件、核查、送教、目标评分来自控辍监测服务；资助来自资助服务；留守关爱来自关爱服务。",
                "- Sources: register changes from the registry; in school, cases, checks, teaching and target scores from dropout monitoring; aid from the subsidy service; care from the care service."),
        ]
        for input in summary.inputs {
            let unit = input.key.unit.map { language == .zh ? $0.zh : " \($0.en)" } ?? ""
            items.append(say("- 录入：\(input.key.chinese) \(input.value)\(unit)（\(input.enteredBy)，\(input.enteredAt)\(input.note.map { "，\($0)" } ?? "")）",
                "- Entered: \(input.key.english) \(input.value)\(unit) (\(input.enteredBy), \(input.enteredAt)\(input.note.map { ", \($0)" } ?? ""))"))
        }
        lines.append(items.joined(separator: "\n"))
        return lines
    }

    /// A rate as tables and tiles show it (`99.16%`), or a dash where there is nothing to divide by.
    static func percent(_ value: Double?) -> String { value.map { number($0) + "%" } ?? "—" }

    /// A figure as a person writes it: no trailing ".0", at most two decimals.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths % 100 == 0 { return String(hundredths / 100) }
        if hundredths % 10 == 0 { return "\(hundredths / 100).\(abs(hundredths % 100) / 10)" }
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
