import BaoxueContracts

/// Home-teaching placements as a table: the child, the school, this school year's lessons against
/// the quota's share so far, and whether the child is behind.
enum TeachingText {
    static func placements(_ placements: [HomeTeaching], _ language: Language, townships: [String: String] = [:]) -> String {
        let lessons = placements.reduce(0) { $0 + $1.lessonsThisYear }
        return table(placements, language, townships: townships).rendered + "\n"
            + language.pick("送教\(placements.count)名学生，本学年\(lessons)节", "\(placements.count) children taught at home, \(lessons) lessons this school year")
    }

    /// The placements as rows, for the screen and for `--out`.
    static func table(_ placements: [HomeTeaching], _ language: Language, townships: [String: String] = [:]) -> TextTable {
        var table = TextTable(headers: [
            language.pick("学生", "student"), language.pick("乡镇", "township"), language.pick("学校", "school"), language.pick("开始", "since"),
            language.pick("送教教师", "teacher"), language.pick("本学年节数/应达/年度", "lessons / due / year"), language.pick("最近送教", "last session"),
            language.pick("状态", "state"),
        ])
        table.rows = placements.map { p in
            let state: String
            if let ended = p.endedOn {
                state = language.pick("已结束 \(ended)：\(p.endReason ?? "")", "ended \(ended): \(p.endReason ?? "")")
            } else {
                state = p.isBehind ? language.pick("进度落后", "behind") : language.pick("正常", "on track")
            }
            return [
                "\(p.studentName) \(p.student)", PlaceText.township(p.township, townships), p.school, p.startedOn.description, p.teacher,
                "\(p.lessonsThisYear) / \(p.expectedByNow) / \(p.lessonsPerYear)", p.lastSessionOn?.description ?? "—", state,
            ]
        }
        return table
    }
}
