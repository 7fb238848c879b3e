import BaoxueContracts
import Foundation

/// How the cross-check's report and suspects read in a terminal.
enum CrosscheckText {
    static func report(_ report: CrosscheckReport, _ language: Language) -> String {
        var table = TextTable(headers: [language.pick("项目", "measure"), language.pick("数量", "count")])
        table.rows = [
            [language.pick("比对日期", "date"), report.today.description],
            [language.pick("义务教育年龄段（出生日期）", "compulsory-school age (born)"), "\(report.bornFrom) … \(report.bornTo)"],
            [language.pick("户籍名单人数 / 其中适龄", "roster children / of school age"), "\(report.rosterChildren) / \(report.schoolAge)"],
        ]
        for reason in CrosscheckReason.allCases {
            table.rows.append([language.pick("疑似：", "suspects: ") + reason.label(language), "\(report.byReason[reason])"])
        }
        table.rows += [
            [language.pick("新增疑似", "new suspects"), "\(report.opened)"],
            [language.pick("再次发现（曾排除）", "found again (were cleared)"), "\(report.reopened)"],
            [language.pick("仍待核查", "still open"), "\(report.stillOpen)"],
            [language.pick("已排除（不再符合）", "cleared (no longer found)"), "\(report.closed)"],
            [language.pick("已核查，保持核查结果", "verified, kept verified"), "\(report.verifiedKept)"],
            [language.pick("待核查合计 / 其中建档立卡", "open in total / registered poor"), "\(report.open) / \(report.openRegisteredPoor)"],
            [language.pick("用时", "time"), String(format: "%.2f s", report.milliseconds / 1000)],
        ]
        return table.rendered + "\n" + language.pick(
            "每名新增疑似已向所在乡镇发出预警；核查后登记：baoxue crosscheck verify 编号 --category 类别",
            "Each new suspect raised an alert to its township; after checking, record it: baoxue crosscheck verify ID --category CATEGORY")
    }

    static func list(_ suspects: [Suspect], _ language: Language, townships: [String: String] = [:]) -> String {
        var table = TextTable(headers: [
            language.pick("编号", "id"), language.pick("姓名", "name"), language.pick("身份证件号", "ID number"), language.pick("乡镇", "township"),
            language.pick("学校", "school"), language.pick("建档立卡", "poor"), language.pick("原因", "reasons"), language.pick("状态", "state"), language.pick("发现", "found"),
        ])
        table.rows = suspects.map { suspect in
            [
                "\(suspect.id)", suspect.studentName, suspect.idNumber ?? suspect.student, PlaceText.township(suspect.township, townships),
                suspect.school.map { PlaceText.named(suspect.schoolName, $0) } ?? language.pick("无学籍", "no record"),
                suspect.registeredPoor ? language.pick("是", "yes") : "", CrosscheckReason.list(suspect.reasons, language),
                suspect.category.map { $0.label(language) } ?? suspect.state.label(language), suspect.lastFound.description,
            ]
        }
        return table.rendered + "\n" + language.pick("共\(suspects.count)人（建档立卡户在前）", "\(suspects.count) children (registered poor first)")
    }

    static func verified(_ suspect: Suspect, _ language: Language) -> String {
        var text = language.pick(
            "已登记核查结果：\(suspect.studentName)（疑似编号\(suspect.id)）—— \(suspect.category?.chinese ?? "")",
            "Recorded: \(suspect.studentName) (suspect \(suspect.id)) — \(suspect.category?.rawValue ?? "")")
        if let caseID = suspect.caseID {
            text += "\n" + language.pick("已立案劝返：案件\(caseID)，请指定乡镇与学校两名负责人。", "Case \(caseID) opened: name the township and school leads.")
        }
        if suspect.category == .illnessOrDisability {
            text += "\n" + language.pick("因病因残无法就学：请安排送教上门。", "Cannot attend for illness or disability: arrange home-delivered teaching.")
        }
        return text
    }
}
