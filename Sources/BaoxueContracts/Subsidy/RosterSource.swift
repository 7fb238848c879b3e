/// The office that keeps a list of families, and sends it to the county as one roster: an import
/// of a source's file is the whole of that source's lists on its date, so a family missing from
/// it has left them.
public enum RosterSource: String, Codable, Sendable, CaseIterable {
    /// 乡村振兴局 (formerly 扶贫办): the 建档立卡 list.
    case poverty
    /// 民政局: the 低保, 特困 and orphan lists, one file with a 类别 column.
    case civilAffairs
    /// 残联: the disability federation's list.
    case disability

    public var chinese: String {
        switch self {
        case .poverty: "乡村振兴（建档立卡）"
        case .civilAffairs: "民政（低保、特困、孤儿）"
        case .disability: "残联（残疾）"
        }
    }

    public var english: String {
        switch self {
        case .poverty: "rural revitalisation (registered poor)"
        case .civilAffairs: "civil affairs (subsistence, extreme hardship, orphans)"
        case .disability: "disability federation"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? chinese : english }

    /// The categories its lists hold.
    public var categories: [FamilyCategory] { FamilyCategory.allCases.filter { $0.source == self } }

    /// The category a row means when its file has no 类别 column: only a source with one list
    /// has one.
    public var soleCategory: FamilyCategory? { categories.count == 1 ? categories[0] : nil }

    /// The code, the label, or the office's short name (`建档立卡`, `乡村振兴`, `扶贫办`, `民政`, `残联`).
    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let source = RosterSource(rawValue: text) { self = source; return }
        switch text.lowercased() {
        case "建档立卡", "乡村振兴", "乡村振兴局", "扶贫办", "扶贫", "乡村振兴（建档立卡）", "poverty": self = .poverty
        case "民政", "民政局", "低保", "民政（低保、特困、孤儿）", "civil-affairs", "civilaffairs": self = .civilAffairs
        case "残联", "残疾人联合会", "残疾", "残联（残疾）", "disability": self = .disability
        default: return nil
        }
    }
}
