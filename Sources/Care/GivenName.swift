/// A child's given name (名) without the surname (姓), for the donor view of micro-wishes: `张小明`
/// → `小明`, `欧阳娜娜` → `娜娜` (compound surnames), `阿依古丽·买买提` → `阿依古丽` (a minority
/// name's own part, before the middle dot: what follows is the father's name). A one-character
/// name has nothing left once the surname goes, so it becomes `小朋友`.
enum GivenName {
    /// The compound surnames (复姓) common enough to meet in a county roster.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "万俟", "呼延", "澹台", "公冶", "申屠", "太史",
    ]

    static func of(_ name: String) -> String {
        if let dot = name.firstIndex(of: "\u{00B7}") {
            let own = String(name[..<dot])
            return own.isEmpty ? "小朋友" : own
        }
        let characters = Array(name)
        if characters.count > 2, compoundSurnames.contains(String(characters.prefix(2))) {
            return String(characters.dropFirst(2))
        }
        return characters.count >= 2 ? String(characters.dropFirst()) : "小朋友"
    }
}
