/// Disability category (是否残疾) as the roster records it: 否 or the kind.
public enum Disability: String, Codable, Sendable, CaseIterable {
    case none = "否"
    case visual = "视力"
    case hearing = "听力"
    case speech = "言语"
    case physical = "肢体"
    case intellectual = "智力"
    case mental = "精神"
    case multiple = "多重"

    public init?(label: String) {
        // A category as the roster writes it, before any clean-up: every row has one.
        if let value = Disability(rawValue: label) { self = value; return }
        let text = TextNormalization.field(label)
        // 无残疾 is the national 学籍 export's 残疾类型 for a child without one.
        if text.isEmpty || ["无", "无残疾", "非残疾", "no", "none"].contains(text.lowercased()) { self = .none; return }
        if let value = Disability(rawValue: text) { self = value; return }
        // "视力残疾" is how some offices write it.
        if let value = Disability.allCases.first(where: { $0 != .none && text.hasPrefix($0.rawValue) }) {
            self = value
            return
        }
        guard let value = Disability.allCases.first(where: { "\($0)" == text.lowercased() }) else { return nil }
        self = value
    }
}
