/// Why a family's child is eligible for aid (资助对象类别): the lists a family can be on. Each list
/// comes from the office that keeps it (``RosterSource``) and arrives as an imported roster.
public enum FamilyCategory: String, Codable, Sendable, CaseIterable {
    /// 建档立卡: registered as poor by the rural-revitalisation (formerly poverty-alleviation) office,
    /// including households lifted out of poverty and those monitored against falling back.
    case registeredPoor
    /// 低保: on the minimum subsistence allowance (civil affairs).
    case subsistence
    /// 特困: extreme-hardship support (特困供养, civil affairs).
    case extremeHardship
    /// 孤儿: an orphan, or a child whom nobody in fact raises (事实无人抚养儿童), whom civil affairs
    /// supports alike.
    case orphan
    /// 残疾: a disabled child or parent, on the disability federation's list.
    case disability

    public var chinese: String {
        switch self {
        case .registeredPoor: "建档立卡"
        case .subsistence: "低保"
        case .extremeHardship: "特困"
        case .orphan: "孤儿"
        case .disability: "残疾"
        }
    }

    public var english: String {
        switch self {
        case .registeredPoor: "registered poor"
        case .subsistence: "subsistence allowance"
        case .extremeHardship: "extreme hardship"
        case .orphan: "orphan"
        case .disability: "disability"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? chinese : english }

    /// The office whose list holds this category.
    public var source: RosterSource {
        switch self {
        case .registeredPoor: .poverty
        case .subsistence, .extremeHardship, .orphan: .civilAffairs
        case .disability: .disability
        }
    }

    /// Reads the code, the label, or what the offices' exports write in their 类别 column
    /// (`脱贫户`, `农村低保`, `特困供养人员`, `事实无人抚养儿童`, `视力残疾`…).
    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let category = FamilyCategory(rawValue: text) { self = category; return }
        if let category = FamilyCategory.allCases.first(where: { $0.chinese == text || $0.english == text.lowercased() }) { self = category; return }
        switch text {
        case "建档立卡户", "建档立卡贫困户", "贫困户", "脱贫户", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户", "监测户", "监测对象", "防返贫监测对象":
            self = .registeredPoor
        case "低保户", "城市低保", "农村低保", "城乡低保", "最低生活保障", "低保对象":
            self = .subsistence
        case "特困供养", "特困人员", "特困供养人员", "特困户", "五保", "五保户":
            self = .extremeHardship
        case "孤儿", "事实无人抚养儿童", "事实无人抚养", "困境儿童（孤儿）":
            self = .orphan
        default:
            // The disability federation writes the kind of disability: 视力残疾, 肢体, 智力二级…
            let kinds = ["残疾", "视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
            guard kinds.contains(where: { text.hasPrefix($0) }) else { return nil }
            self = .disability
        }
    }

    /// Every accepted spelling, for messages.
    public static var accepted: String {
        "建档立卡/脱贫户/监测对象, 低保, 特困, 孤儿/事实无人抚养儿童, 残疾/视力/听力/言语/肢体/智力/精神/多重"
    }
}
