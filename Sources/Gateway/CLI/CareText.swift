import BaoxueContracts

/// How the care service's records read in a terminal.
enum CareText {
    static func entries(_ entries: [LedgerEntry], _ language: Language) -> String {
        var table = TextTable(headers: [
            language.pick("编号", "id"), language.pick("姓名", "name"), language.pick("学籍号", "student"), language.pick("学校", "school"), language.pick("年级", "grade"),
            language.pick("父/母", "father/mother"), language.pick("监护人", "guardian"), language.pick("认定", "standing"), language.pick("代理家长", "surrogate"), language.pick("最近联系", "last contact"),
        ])
        table.rows = entries.map { e in
            [
                "\(e.id)", e.studentName, e.student, e.schoolName ?? e.school, SchoolGrade.label(e.grade, language), "\(e.father.situation.label(language))/\(e.mother.situation.label(language))",
                "\(e.guardian.name)（\(e.guardian.relation.label(language))）", "\(e.state.label(language))：\(LedgerReason.list(e.reasons, language))",
                e.surrogate?.name ?? language.pick("未落实", "none"), e.lastContactOn?.description ?? "",
            ]
        }
        return table.rendered + "\n" + language.pick("共\(entries.count)人（电话已脱敏）", "\(entries.count) children (phones masked)")
    }

    static func entry(_ e: LedgerEntry, _ language: Language) -> String {
        func parent(_ p: ParentRecord) -> String {
            [p.situation.label(language), p.place, p.reason, p.name, p.phone].compactMap { $0 }.joined(separator: " ")
        }
        var table = TextTable(headers: [language.pick("项目", "field"), language.pick("内容", "value")])
        table.rows = [
            [language.pick("儿童", "child"), "\(e.studentName) \(e.student) · \(e.sex.label) · \(e.age)\(language.pick("岁", " years")) · \(SchoolGrade.label(e.grade, language))"],
            [language.pick("学校/乡镇", "school/township"), "\(e.schoolName ?? e.school) / \(e.township)"],
            [language.pick("户口性质", "household"), e.householdType?.label(language) ?? "—"],
            [language.pick("学籍留守标记", "school's flag"), e.registryFlag.rawValue + (e.orphan ? language.pick(" · 孤儿", " · orphan") : "") + (e.unattended ? language.pick(" · 事实无人抚养", " · unattended") : "")],
            [language.pick("父亲", "father"), parent(e.father)],
            [language.pick("母亲", "mother"), parent(e.mother)],
            [language.pick("实际监护人", "guardian"), [e.guardian.name, e.guardian.relation.label(language), e.guardian.age.map { "\($0)\(language.pick("岁", " years"))" }, e.guardian.phone, e.guardian.health?.label(language)].compactMap { $0 }.joined(separator: " ")],
            [language.pick("儿童主任", "children's director"), e.director.map { "\($0.name) \($0.phone ?? "")" } ?? "—"],
            [language.pick("儿童督导员", "children's supervisor"), e.supervisor.map { "\($0.name) \($0.phone ?? "")" } ?? "—"],
            [language.pick("台账", "ledger"), "\(e.state.label(language))：\(LedgerReason.list(e.reasons, language))" + (e.enteredOn.map { language.pick("，\($0)进入", ", since \($0)") } ?? "") + (e.leftOn.map { language.pick("，\($0)离开", ", left \($0)") } ?? "")],
            [language.pick("代理家长", "surrogate parent"), e.surrogate.map { "\($0.name)（\(language.pick("自", "since")) \($0.since)）" } ?? language.pick("未落实", "none")],
            [language.pick("最近联系", "last contact"), e.lastContactOn?.description ?? "—"],
        ]
        return table.rendered + (e.masked ? "\n" + language.pick("（电话已脱敏）", "(phones masked)") : "")
    }

    static func record(_ record: CareRecord, _ language: Language) -> String {
        var text = entry(record.entry, language)
        if !record.history.isEmpty {
            text += "\n\n" + language.pick("台账记录：", "Ledger history:") + "\n" + record.history.map { "\($0.date) \(move($0.kind, language)) \(LedgerReason.list($0.reasons, language)) (\($0.actor))" }.joined(separator: "\n")
        }
        if let home = record.home {
            text += "\n\n" + language.pick("留守儿童之家：\(home.name)，负责人\(home.inCharge.name)", "Home: \(home.name), in charge: \(home.inCharge.name)")
        }
        if !record.activities.isEmpty {
            text += "\n\n" + activities(record.activities, language)
        }
        if !record.wishes.isEmpty {
            text += "\n\n" + wishes(record.wishes, language)
        }
        if !record.notices.isEmpty {
            text += "\n\n" + notices(record.notices, language)
        }
        return text
    }

    /// The care section of a case file: the child's surrogate parent, last contact and guardian.
    static func caseSection(_ record: CareRecord, _ language: Language) -> String {
        let e = record.entry
        let guardian = [e.guardian.name, e.guardian.relation.label(language), e.guardian.phone].compactMap { $0 }.joined(separator: " ")
        return language.pick("留守儿童关爱（", "Care for a left-behind child (") + "\(e.state.label(language))：\(LedgerReason.list(e.reasons, language))）\n"
            + language.pick("代理家长：", "surrogate parent: ") + (record.surrogate.map { "\($0.name) \($0.phone ?? "")" } ?? language.pick("未落实", "none")) + "\n"
            + language.pick("最近联系：", "last contact: ") + (e.lastContactOn?.description ?? "—") + "\n"
            + language.pick("实际监护人：", "guardian: ") + guardian + "\n"
            + language.pick("详见 baoxue care child \(e.student)（需证件号或学籍号）", "more: baoxue care child <ID or student number>")
    }

    static func move(_ kind: LedgerMove.Kind, _ language: Language) -> String {
        switch kind {
        case .recorded: language.pick("登记（不符合）", "recorded (not qualifying)")
        case .entered: language.pick("进入台账", "entered")
        case .left: language.pick("离开台账", "left")
        case .updated: language.pick("更新", "updated")
        }
    }

    static func flagged(_ children: [FlaggedChild], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("姓名", "name"), language.pick("学籍号", "student"), language.pick("学校", "school"), language.pick("年级", "grade"), language.pick("学籍标记", "school's flag"), language.pick("不在台账的原因", "why not on the ledger")])
        table.rows = children.map { [$0.studentName, $0.student, $0.schoolName ?? $0.school, SchoolGrade.label($0.grade, language), $0.registryFlag.rawValue, LedgerReason.list($0.reasons, language)] }
        return table.rendered + "\n" + language.pick("共\(children.count)人", "\(children.count) children")
    }

    static func homes(_ homes: [Home], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("学校", "school"), language.pick("名称", "name"), language.pick("开设", "opened"), language.pick("房间", "rooms"), language.pick("电话/视频", "phones/video"), language.pick("图书", "books"), language.pick("负责人", "in charge"), language.pick("在册儿童", "children")])
        table.rows = homes.map { ["\($0.schoolName ?? $0.school)", $0.name, $0.openedOn.description, "\($0.rooms)", "\($0.phones)/\($0.videoDevices)", "\($0.books)", "\($0.inCharge.name) \($0.inCharge.phone ?? "")", "\($0.children)"] }
        return table.rendered
    }

    static func surrogates(_ surrogates: [Surrogate], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("编号", "id"), language.pick("姓名", "name"), language.pick("身份", "kind"), language.pick("学校或村", "school or village"), language.pick("电话", "phone"), language.pick("照护儿童", "children")])
        table.rows = surrogates.map { ["\($0.id)", $0.name, $0.kind.label(language), $0.schoolName ?? $0.school ?? $0.village ?? "", $0.phone ?? "", "\($0.children)/\($0.maximum)"] }
        return table.rendered
    }

    static func assignment(_ a: Assignment, _ language: Language) -> String {
        if let ended = a.endedOn {
            return language.pick("\(a.studentName)的代理家长\(a.surrogateName)于\(ended)结束照护：\(a.endReason ?? "")", "\(a.surrogateName) stopped caring for \(a.studentName) on \(ended): \(a.endReason ?? "")")
        }
        return language.pick("\(a.studentName)（\(a.student)）的代理家长：\(a.surrogateName)，自\(a.assignedOn)起", "\(a.surrogateName) is the surrogate parent of \(a.studentName) (\(a.student)) from \(a.assignedOn)")
    }

    static func activities(_ activities: [Activity], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("日期", "date"), language.pick("活动", "kind"), language.pick("学校", "school"), language.pick("留守儿童", "children"), language.pick("人数", "people"), language.pick("说明", "note")])
        table.rows = activities.map { a in
            let who = a.children.map(\.name).prefix(5).joined(separator: "、") + (a.children.count > 5 ? language.pick("等\(a.children.count)人", " and \(a.children.count - 5) more") : "")
            let detail = [a.surrogateName.map { language.pick("代理家长\($0)", "surrogate \($0)") }, a.way?.label(language), a.note].compactMap { $0 }.joined(separator: " ")
            return [a.date.description, a.kind.label(language), a.school, who, "\(a.participants)", detail]
        }
        return table.rendered
    }

    static func summary(_ lines: [ActivityCount], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("月份", "month"), language.pick("乡镇", "township"), language.pick("学校", "school"), language.pick("活动", "kind"), language.pick("次数", "activities"), language.pick("人次", "child-times")])
        table.rows = lines.map { [$0.month, $0.township, $0.school ?? "", $0.kind.label(language), "\($0.activities)", "\($0.childTimes)"] }
        return table.rendered
    }

    static func wishes(_ wishes: [Wish], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("编号", "id"), language.pick("儿童", "child"), language.pick("学校", "school"), language.pick("心愿", "wish"), language.pick("估价(元)", "value (yuan)"), language.pick("状态", "state"), language.pick("捐赠人", "donor")])
        table.rows = wishes.map { ["\($0.id)", "\($0.studentName) \($0.student)", $0.schoolName ?? $0.school, $0.wish, "\($0.value)", $0.state.label(language), $0.donor.map { "\($0.name) \($0.phone ?? "")" } ?? ""] }
        return table.rendered
    }

    static func wish(_ w: Wish, _ language: Language) -> String {
        language.pick("微心愿\(w.id)（\(w.studentName)：\(w.wish)，\(w.value)元）：\(w.state.chinese)", "Wish \(w.id) (\(w.studentName): \(w.wish), ¥\(w.value)): \(w.state.rawValue)")
    }

    static func donorWishes(_ wishes: [DonorWish], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("编号", "id"), language.pick("孩子", "child"), language.pick("年级", "grade"), language.pick("学校", "school"), language.pick("心愿", "wish"), language.pick("估价(元)", "value (yuan)"), language.pick("状态", "state")])
        table.rows = wishes.map { ["\($0.id)", $0.givenName, SchoolGrade.label($0.grade, language), $0.schoolName, $0.wish, "\($0.value)", $0.state.label(language)] }
        return table.rendered
    }

    static func notices(_ notices: [Notice], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("时间", "at"), language.pick("发给", "to"), language.pick("儿童", "child"), language.pick("内容", "text")])
        table.rows = notices.map { ["\($0.createdAt.prefix(16))", "\($0.recipient == .surrogate ? language.pick("代理家长", "surrogate") : language.pick("留守儿童之家", "home")) \($0.recipientName)", $0.studentName, $0.text(language)] }
        return table.rendered
    }

    static func gaps(_ gaps: CareGaps, _ language: Language) -> String {
        var text = language.pick("截至\(gaps.asOf)：未落实代理家长\(gaps.withoutSurrogateTotal)人，代理家长逾期未联系\(gaps.overdueContactsTotal)人，未建留守儿童之家的学校\(gaps.schoolsWithoutHomeTotal)所", "As of \(gaps.asOf): \(gaps.withoutSurrogateTotal) children without a surrogate parent, \(gaps.overdueContactsTotal) contacts overdue, \(gaps.schoolsWithoutHomeTotal) schools without a home")
        func children(_ list: [GapChild], _ title: String) {
            guard !list.isEmpty else { return }
            var table = TextTable(headers: [title, language.pick("学校", "school"), language.pick("进入台账", "entered"), language.pick("天数", "days"), language.pick("代理家长", "surrogate")])
            table.rows = list.map { ["\($0.studentName) \($0.student)", $0.school, $0.enteredOn.description, "\($0.days)", $0.surrogate?.name ?? ""] }
            text += "\n\n" + table.rendered
        }
        children(gaps.withoutSurrogate, language.pick("未落实代理家长", "without a surrogate"))
        children(gaps.overdueContacts, language.pick("逾期未联系", "contact overdue"))
        if !gaps.schoolsWithoutHome.isEmpty {
            var table = TextTable(headers: [language.pick("未建之家的学校", "school without a home"), language.pick("乡镇", "township"), language.pick("在册留守儿童", "children on the ledger")])
            table.rows = gaps.schoolsWithoutHome.map { ["\($0.schoolName) \($0.school)", $0.township, "\($0.children)"] }
            text += "\n\n" + table.rendered
        }
        return text
    }

    static func figures(_ f: CareFigures, _ language: Language) -> String {
        func percent(_ value: Double?) -> String { value.map { "\($0)%" } ?? "—" }
        var text = language.pick(
            "\(f.year)年关爱留守儿童（截至\(f.asOf)）：在册留守儿童\(f.children)名，落实代理家长\(f.withSurrogate)名（覆盖率\(percent(f.coverage))），代理家长\(f.surrogates)名；\(f.schools)所学校中\(f.homes)所建有留守儿童之家；微心愿发布\(f.wishesPosted)个、认领\(f.wishesClaimed)个、实现\(f.wishesFulfilled)个（\(f.wishesFulfilledValue)元）、撤回\(f.wishesWithdrawn)个。",
            "Care for left-behind children in \(f.year) (as of \(f.asOf)): \(f.children) children on the ledger, \(f.withSurrogate) with a surrogate parent (coverage \(percent(f.coverage))), \(f.surrogates) surrogate parents; \(f.homes) of \(f.schools) schools have a home; wishes posted \(f.wishesPosted), claimed \(f.wishesClaimed), fulfilled \(f.wishesFulfilled) (¥\(f.wishesFulfilledValue)), withdrawn \(f.wishesWithdrawn).")
        if !f.activities.isEmpty {
            var table = TextTable(headers: [language.pick("活动", "kind"), language.pick("次数", "activities"), language.pick("人次", "child-times")])
            table.rows = f.activities.map { [$0.kind.label(language), "\($0.activities)", "\($0.childTimes)"] }
            text += "\n\n" + table.rendered
        }
        var townships = TextTable(headers: [language.pick("乡镇", "township"), language.pick("在册留守儿童", "children"), language.pick("有代理家长", "with a surrogate"), language.pick("覆盖率", "coverage")])
        townships.rows = f.townships.map { [$0.township, "\($0.children)", "\($0.withSurrogate)", percent($0.coverage)] }
        var schools = TextTable(headers: [
            language.pick("学校", "school"), language.pick("乡镇", "township"), language.pick("在册留守儿童", "children"), language.pick("有代理家长", "with a surrogate"),
            language.pick("覆盖率", "coverage"), language.pick("之家", "home"),
        ])
        schools.rows = f.schoolLines.map { line in
            let home = line.hasHome.map { $0 ? language.pick("有", "yes") : language.pick("无", "no") } ?? "—"
            return ["\(line.schoolName ?? "") \(line.school ?? "")", line.township, "\(line.children)", "\(line.withSurrogate)", percent(line.coverage), home]
        }
        return text + "\n\n" + townships.rendered + (f.schoolLines.isEmpty ? "" : "\n\n" + schools.rendered)
    }
}
