import BaoxueContracts

/// How students and changes read in a terminal.
enum StudentText {
    static func detail(_ file: StudentFile, _ language: Language, townships: [String: String] = [:]) -> String {
        let s = file.student
        func yes(_ flag: Bool) -> String { flag ? language.pick("是", "yes") : language.pick("否", "no") }
        var table = TextTable(headers: [language.pick("项目", "field"), language.pick("内容", "value")])
        table.rows = [
            [language.pick("姓名", "name"), s.name],
            [language.pick("性别", "sex"), language == .zh ? s.sex.label : s.sex.rawValue],
            s.birthDate.map { [language.pick("出生日期", "birth date"), $0.description] } ?? [language.pick("出生年份", "birth year"), s.birthYear.map(String.init) ?? "—"],
            [language.pick("身份证件号", "ID number"), s.idNumber ?? "—"],
            [language.pick("全国学籍号", "student number"), s.studentNumber],
            [language.pick("学校", "school"), PlaceText.named(s.schoolName, s.school)],
            [language.pick("乡镇", "township"), PlaceText.township(s.township, townships)],
            [language.pick("年级班级", "grade/class"), "\(SchoolGrade.label(s.grade, language)) \(s.className ?? "")"],
            [language.pick("学籍状态", "status"), s.status.label(language) + (s.documentsIncomplete ? language.pick("（手续不全）", " (documents incomplete)") : "")],
            [language.pick("建档立卡/低保", "registered poor/dibao"), "\(yes(s.registeredPoor))/\(yes(s.subsistence))"],
            [language.pick("残疾", "disability"), s.disability.rawValue],
            [language.pick("留守", "left-behind"), s.leftBehind.rawValue],
            [language.pick("户口性质", "household"), s.householdType?.label(language) ?? "—"],
            [language.pick("孤儿/事实无人抚养", "orphan/unattended"), "\(yes(s.orphan))/\(yes(s.unattended))"],
            [language.pick("监护人", "guardian"), "\(s.guardianName ?? "—") \(s.guardianPhone ?? "")"],
        ]
        var text = table.rendered
        if s.masked {
            text += "\n" + language.pick("（只读账号：证件号、学籍号与电话已脱敏，出生日期只显示年份）", "(read-only account: ID, student number and phone are masked, the birth date shows its year only)")
        }
        if !file.changes.isEmpty {
            text += "\n\n" + changes(file.changes, language)
        }
        return text
    }

    /// A page of students, with the township's and school's names beside their codes and grades
    /// as people name them (三年级, 初二).
    static func list(_ page: StudentSheetPage, _ language: Language, townships: [String: String] = [:]) -> String {
        var text = table(page.students, language, townships: townships).rendered + "\n" + language.pick("共\(page.total)人，本页\(page.students.count)人", "\(page.total) students, \(page.students.count) on this page")
        if let next = page.nextCursor {
            text += language.pick("；下一页：--cursor \(next)", "; next page: --cursor \(next)")
        }
        return text
    }

    /// The students as rows, for the screen and for `--out`.
    static func table(_ students: [StudentSheet], _ language: Language, townships: [String: String] = [:]) -> TextTable {
        var table = TextTable(headers: [
            language.pick("姓名", "name"), language.pick("性别", "sex"), language.pick("身份证件号", "ID number"), language.pick("乡镇", "township"),
            language.pick("学校", "school"), language.pick("年级", "grade"), language.pick("状态", "status"), language.pick("监护人电话", "guardian phone"),
        ])
        table.rows = students.map {
            [$0.name, language == .zh ? $0.sex.label : $0.sex.rawValue, $0.idNumber ?? $0.studentNumber, PlaceText.township($0.township, townships),
             PlaceText.named($0.schoolName, $0.school), SchoolGrade.label($0.grade, language), $0.status.label(language) + ($0.documentsIncomplete ? "*" : ""), $0.guardianPhone ?? ""]
        }
        return table
    }

    static func change(_ event: StatusChangedEvent, _ language: Language) -> String {
        let c = event.change
        var line = language.pick(
            "已办理\(c.kind.label(.zh))：\(event.student.record.name) \(c.from?.label(.zh) ?? "—") → \(c.to.label(.zh))（\(c.date)）",
            "Recorded \(c.kind.label(.en)): \(event.student.record.name) \(c.from?.label(.en) ?? "—") → \(c.to.label(.en)) (\(c.date))")
        if let causes = c.causes, !causes.isEmpty {
            line += "\n" + language.pick("辍学原因：", "causes: ") + DropoutCause.list(causes, language) + (c.reason.map { language.pick("（说明：\($0)）", " (note: \($0))") } ?? "")
        }
        if !c.missingDocuments.isEmpty {
            line += "\n" + language.pick("⚠ 证明材料不全，缺：", "⚠ documents incomplete; missing: ") + c.missingDocuments.joined(separator: "、")
                + language.pick("。请在规定时限内补齐。", ". Supply them within the deadline.")
        }
        return line
    }

    static func changes(_ changes: [StatusChange], _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("编号", "id"), language.pick("日期", "date"), language.pick("学籍号", "student"), language.pick("变动", "change"), language.pick("状态", "status"), language.pick("缺少材料", "missing documents")])
        table.rows = changes.map {
            ["\($0.id)", $0.date.description, Masking.studentNumber($0.studentNumber), $0.kind.label(language), "\($0.from?.label(language) ?? "—")→\($0.to.label(language))", $0.missingDocuments.joined(separator: "、")]
        }
        return table.rendered
    }

    /// A promotion, school by school, with what was already done earlier in the year.
    static func promotion(_ report: PromotionReport, _ language: Language) -> String {
        let title = language.pick(
            "\(report.schoolYear)–\(report.schoolYear + 1)学年末升级（\(report.date)\(report.dryRun ? "，试运行，未写入" : "")）：升级\(report.promoted)人，毕业\(report.graduated)人",
            "End of school year \(report.schoolYear)–\(report.schoolYear + 1) (\(report.date)\(report.dryRun ? ", dry run, nothing written" : "")): \(report.promoted) promoted, \(report.graduated) graduated")
        var table = TextTable(headers: [language.pick("学校", "school"), language.pick("乡镇", "township"), language.pick("升级", "promoted"), language.pick("毕业", "graduated"), language.pick("说明", "note")])
        table.rows = report.schools.map { school in
            let note = school.alreadyOn.map { language.pick("已于\($0)办理，本次未变动", "done on \($0); nothing moved now") } ?? ""
            return ["\(school.schoolName)（\(school.school)）", school.township, "\(school.promoted)", "\(school.graduated)", note]
        }
        return title + "\n" + table.rendered
    }
}
