import BaoxueContracts

/// How student aid reads in a terminal: amounts in 元 with two decimals (from integer fen), the
/// child masked as the service sends them.
enum SubsidyText {
    static func programs(_ programs: [SubsidyProgram], _ language: Language) -> String {
        var table = TextTable(headers: [
            language.pick("编号", "id"), language.pick("名称", "name"), language.pick("学段", "stage"), language.pick("年级", "grades"),
            language.pick("寄宿", "boarding"), language.pick("家庭类别", "families"), language.pick("每学期（元）", "per term (¥)"),
            language.pick("中央/省/县（元）", "central/province/county (¥)"),
        ])
        table.rows = programs.map { program in
            [
                program.id, program.name(language) + (program.placeholder ? language.pick("（金额待县里确定）", " (amount to be set)") : ""), program.stage.label(language),
                "\(SchoolGrade.label(program.lowestGrade, language))–\(SchoolGrade.label(program.highestGrade, language))", program.boarding.label(language),
                program.categories.map { $0.label(language) }.joined(separator: language.pick("、", ", ")), Fen.yuan(program.amountPerTerm),
                "\(Fen.yuan(program.shares.central))/\(Fen.yuan(program.shares.provincial))/\(Fen.yuan(program.shares.county))",
            ]
        }
        return table.rendered
    }

    static func roster(_ roster: FamilyRosterImport, _ language: Language) -> String {
        var text = language.pick(
            "名单\(roster.id)（\(roster.source.chinese)，\(roster.listedOn)）：\(roster.rows)行，匹配在册学生\(roster.matched)人，未匹配\(roster.unmatched)人（其中义务教育适龄\(roster.unmatchedSchoolAge)人，已交控辍比对）；新入名单\(roster.joined)，仍在\(roster.unchanged)，退出\(roster.left)",
            "Roster \(roster.id) (\(roster.source.english), \(roster.listedOn)): \(roster.rows) rows, \(roster.matched) matched a registered child, \(roster.unmatched) did not (\(roster.unmatchedSchoolAge) of compulsory-school age, sent to the cross-check); joined \(roster.joined), stayed \(roster.unchanged), left \(roster.left)")
        if roster.closingSkipped {
            text += "\n" + language.pick("文件有被拒行，本次未将任何人移出名单；更正后重新导入。", "The file had refused rows, so nobody was taken off a list; correct them and import again.")
        }
        return text
    }

    static func unmatched(_ people: [UnmatchedPerson], _ language: Language) -> String {
        var table = TextTable(headers: [
            language.pick("姓名", "name"), language.pick("身份证件号", "ID number"), language.pick("乡镇", "township"), language.pick("出生年份", "born"),
            language.pick("类别", "lists"), language.pick("户主", "householder"), language.pick("适龄", "school age"), language.pick("列入日期", "listed since"),
        ])
        table.rows = people.map { person in
            [
                person.name, person.idNumber, person.township, String(person.birthYear), person.categories.map { $0.label(language) }.joined(separator: language.pick("、", ", ")),
                person.householder ?? "", person.schoolAge ? language.pick("是", "yes") : "", person.listedSince.description,
            ]
        }
        return table.rendered + "\n" + language.pick("共\(people.count)人", "\(people.count) people")
    }

    static func eligible(_ page: EligibilityPage, _ language: Language) -> String {
        var table = TextTable(headers: [
            language.pick("姓名", "name"), language.pick("学籍号", "student"), language.pick("学校", "school"), language.pick("年级", "grade"),
            language.pick("就读", "attends"), language.pick("项目", "program"), language.pick("每学期（元）", "per term (¥)"), language.pick("依据", "because"),
        ])
        table.rows = page.children.map { child in
            [
                child.name, child.student, child.schoolName ?? child.school, SchoolGrade.label(child.grade, language), child.attendance == .boarding ? language.pick("住校", "boarder") : language.pick("走读", "day"),
                language == .zh ? child.programName : child.programNameEnglish, Fen.yuan(child.amountPerTerm),
                child.basis.map { "\($0.category.label(language))（\($0.source.label(language))，\($0.since)）" }.joined(separator: language.pick("；", "; ")),
            ]
        }
        var lines = [table.rendered]
        let counts = page.byProgram.map { "\($0.program) \($0.children)" + language.pick("人 ", " children ") + "¥" + Fen.yuan($0.amountFen) }.joined(separator: language.pick("；", "; "))
        lines.append(language.pick("\(page.term.label(.zh))共\(page.total)人次符合条件：\(counts)", "\(page.total) child-programs eligible in \(page.term.label(.en)): \(counts)"))
        if let cursor = page.nextCursor { lines.append(language.pick("下一页：--cursor \(cursor)", "Next page: --cursor \(cursor)")) }
        return lines.joined(separator: "\n")
    }

    static func batch(_ report: BatchReport, _ language: Language) -> String {
        let title = report.id.map { language.pick("批次\($0)", "Batch \($0)") } ?? language.pick("试算（未记录）", "Dry run (nothing recorded)")
        var lines = [language.pick(
            "\(title)：\(report.program)，\(report.term.label(.zh))，批次日期\(report.date)，\(report.state == .running ? "进行中" : "完成")",
            "\(title): \(report.program), \(report.term.label(.en)), dated \(report.date), \(report.state.rawValue)")]
        lines.append(language.pick(
            "本批发放\(report.paid)人，¥\(Fen.yuan(report.amountFen))（中央¥\(Fen.yuan(report.split.central))，省级¥\(Fen.yuan(report.split.provincial))，县财政¥\(Fen.yuan(report.split.county))）；此前已发放\(report.alreadyPaid)人；排除\(report.excluded)人",
            "Paid \(report.paid) children, ¥\(Fen.yuan(report.amountFen)) (central ¥\(Fen.yuan(report.split.central)), province ¥\(Fen.yuan(report.split.provincial)), county ¥\(Fen.yuan(report.split.county))); already paid \(report.alreadyPaid); excluded \(report.excluded)"))
        if report.placeholderAmount {
            lines.append(language.pick("注意：该项目金额为占位值，县里尚未确定。", "Note: the program's amount is a placeholder the county has not set."))
        }
        if !report.exclusions.isEmpty {
            var table = TextTable(headers: [language.pick("姓名", "name"), language.pick("学籍号", "student"), language.pick("学校", "school"), language.pick("排除原因", "reason"), language.pick("自", "since")])
            table.rows = report.exclusions.map { [$0.name, $0.student, $0.school, $0.reason.label(language), $0.since?.description ?? ""] }
            lines.append(table.rendered)
        }
        return lines.joined(separator: "\n")
    }

    static func batches(_ batches: [BatchReport], _ language: Language) -> String {
        var table = TextTable(headers: [
            language.pick("批次", "batch"), language.pick("项目", "program"), language.pick("学期", "term"), language.pick("日期", "date"), language.pick("状态", "state"),
            language.pick("发放人数", "paid"), language.pick("金额（元）", "amount (¥)"), language.pick("此前已发", "already paid"), language.pick("排除", "excluded"),
        ])
        table.rows = batches.map {
            ["\($0.id ?? 0)", $0.program, $0.term.label(language), $0.date.description, $0.state.rawValue, "\($0.paid)", Fen.yuan($0.amountFen), "\($0.alreadyPaid)", "\($0.excluded)"]
        }
        return table.rendered
    }

    static func payments(_ payments: [Payment], _ language: Language) -> String {
        var table = TextTable(headers: [
            language.pick("支付编号", "payment"), language.pick("姓名", "name"), language.pick("学籍号", "student"), language.pick("学校", "school"), language.pick("项目", "program"),
            language.pick("学期", "term"), language.pick("金额（元）", "amount (¥)"), language.pick("状态", "state"), language.pick("说明", "note"),
        ])
        table.rows = payments.map { payment in
            let note = [payment.reissueOf.map { language.pick("补发\($0)", "reissues \($0)") }, payment.failure].compactMap { $0 }.joined(separator: language.pick("；", "; "))
            return ["\(payment.id)", payment.studentName, payment.student, payment.school, payment.program, payment.term.label(language), Fen.yuan(payment.amountFen), payment.state.label(language), note]
        }
        return table.rendered + "\n" + language.pick("共\(payments.count)笔", "\(payments.count) payments")
    }

    static func coverage(_ report: CoverageReport, _ language: Language) -> String {
        var lines = [language.pick(
            "\(report.term.label(.zh))：应助\(report.eligible)人次，已发放\(report.covered)，应助未助\(report.unpaid)，发放失败未补发\(report.failed)，尚未发放\(report.awaitingBatch)，批次排除\(report.excluded)",
            "\(report.term.label(.en)): \(report.eligible) eligible, \(report.covered) paid, \(report.unpaid) unpaid, \(report.failed) failed, \(report.awaitingBatch) awaiting a batch, \(report.excluded) excluded")]
        var places = TextTable(headers: [language.pick("乡镇", "township"), language.pick("学校", "school"), language.pick("应助", "eligible"), language.pick("已发放", "covered"), language.pick("缺口", "gaps"), language.pick("有说明", "stated"), language.pick("覆盖率", "coverage")])
        places.rows = (report.townships + report.schools).map { line in
            [line.township, line.schoolName ?? line.school ?? "", "\(line.eligible)", "\(line.covered)", "\(line.gaps)", "\(line.stated)", "\(line.perMille / 10).\(line.perMille % 10)%"]
        }
        lines.append(places.rendered)
        if !report.gaps.isEmpty {
            var gaps = TextTable(headers: [language.pick("姓名", "name"), language.pick("学籍号", "student"), language.pick("学校", "school"), language.pick("项目", "program"), language.pick("情况", "kind"), language.pick("说明", "reason")])
            gaps.rows = report.gaps.map { [$0.name, $0.student, $0.school, $0.program, $0.kind.label(language), $0.reason ?? ""] }
            lines.append(gaps.rendered)
        }
        return lines.joined(separator: "\n")
    }

    static func totals(_ totals: SubsidyTotals, _ language: Language) -> String {
        var lines = [language.pick(
            "\(totals.year)年共发放各类学生资助金\(totals.personTimes)人次，\(Fen.wanYuan(totals.amountFen))万元（¥\(Fen.yuan(totals.amountFen))），其中县财政投入\(Fen.wanYuan(totals.split.county))万元",
            "\(totals.year): \(totals.personTimes) person-times, ¥\(Fen.wanYuan(totals.amountFen)) ten-thousand (¥\(Fen.yuan(totals.amountFen))), of which county finance ¥\(Fen.wanYuan(totals.split.county)) ten-thousand")]
        if totals.pendingPersonTimes > 0 {
            lines.append(language.pick("另有\(totals.pendingPersonTimes)笔待银行确认（¥\(Fen.yuan(totals.pendingFen))），未计入", "Not counted: \(totals.pendingPersonTimes) payments awaiting the bank (¥\(Fen.yuan(totals.pendingFen)))"))
        }
        var table = TextTable(headers: [language.pick("分组", "by"), language.pick("名称", "name"), language.pick("人次", "person-times"), language.pick("金额（元）", "amount (¥)"), language.pick("万元", "¥10k"), language.pick("县财政（元）", "county (¥)")])
        for (group, list) in [(language.pick("项目", "program"), totals.byProgram), (language.pick("学段", "stage"), totals.byStage), (language.pick("乡镇", "township"), totals.byTownship)] {
            table.rows += list.map { [group, $0.label(language), "\($0.personTimes)", Fen.yuan($0.amountFen), Fen.wanYuan($0.amountFen), Fen.yuan($0.split.county)] }
        }
        lines.append(table.rendered)
        return lines.joined(separator: "\n")
    }

    static func child(_ aid: ChildSubsidy, _ language: Language) -> String {
        var lines = [language.pick(
            "\(aid.name)（\(aid.student)），\(aid.schoolName ?? aid.school) \(SchoolGrade.label(aid.grade, .zh))，\(aid.attendance == .boarding ? "住校" : "走读")，\(aid.status.label(.zh))",
            "\(aid.name) (\(aid.student)), \(aid.schoolName ?? aid.school) \(SchoolGrade.label(aid.grade, .en)), \(aid.attendance == .boarding ? "boarder" : "day pupil"), \(aid.status.label(.en))")]
        let basis = aid.basis.map { "\($0.category.label(language))（\($0.source.label(language))，\($0.since)\($0.until.map { "–\($0)" } ?? "")）" }
        lines.append(language.pick("所在名单：", "Lists: ") + (basis.isEmpty ? language.pick("无", "none") : basis.joined(separator: language.pick("；", "; "))))
        lines.append(language.pick("\(aid.term.label(.zh))可享项目：", "Eligible in \(aid.term.label(.en)): ") + (aid.eligible.isEmpty ? language.pick("无", "none") : aid.eligible.joined(separator: ", ")))
        if !aid.payments.isEmpty { lines.append(payments(aid.payments, language)) }
        return lines.joined(separator: "\n")
    }

    /// The subsidy part of a case file.
    static func caseSection(_ aid: ChildSubsidy, _ language: Language) -> String {
        language.pick("【资助】", "[Aid]") + "\n" + child(aid, language)
    }
}
