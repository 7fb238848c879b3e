/// A kind of status change (学籍变动). Which statuses each may start from, and which documents it
/// needs, are the registry's rules and configuration; this is only the vocabulary.
public enum StatusChangeKind: String, Codable, Sendable, CaseIterable {
    /// 新生注册/入学
    case enroll
    /// 转出
    case transferOut
    /// 转入
    case transferIn
    /// 休学
    case suspend
    /// 延长休学: once per suspension, with its own documents (DOMAIN.md: "extendable once").
    case extendSuspension
    /// 复学
    case resume
    /// 辍学
    case dropOut
    /// 劝返复学
    case `return`
    /// 毕业
    case graduate
    /// 死亡
    case death

    /// Whether the change may move the child into another school (`toSchool`): a transfer in,
    /// or a return into a special-education or vocational school.
    public var movesIntoSchool: Bool { self == .transferIn || self == .return }

    public func label(_ language: Language) -> String {
        switch self {
        case .enroll: language.pick("入学", "enroll")
        case .transferOut: language.pick("转出", "transfer out")
        case .transferIn: language.pick("转入", "transfer in")
        case .suspend: language.pick("休学", "suspend")
        case .extendSuspension: language.pick("延长休学", "extend suspension")
        case .resume: language.pick("复学", "resume")
        case .dropOut: language.pick("辍学", "drop out")
        case .return: language.pick("劝返复学", "return")
        case .graduate: language.pick("毕业", "graduate")
        case .death: language.pick("死亡", "death")
        }
    }

    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let kind = StatusChangeKind(rawValue: text) { self = kind; return }
        guard let kind = StatusChangeKind.allCases.first(where: { $0.label(.zh) == text || $0.label(.en) == text.lowercased() })
        else { return nil }
        self = kind
    }
}
