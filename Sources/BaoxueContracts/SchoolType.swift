/// A school's type (学校类型), with the labels of the national school roster.
public enum SchoolType: String, Codable, Sendable, CaseIterable {
    case primary = "小学"
    case junior = "初中"
    case nineYear = "九年一贯制"
    case teachingPoint = "教学点"
    case special = "特殊教育学校"
    case vocational = "职业中学"
    case complete = "完全中学"
    case kindergarten = "幼儿园"

    public var englishLabel: String {
        switch self {
        case .primary: "primary"
        case .junior: "junior secondary"
        case .nineYear: "nine-year"
        case .teachingPoint: "teaching point"
        case .special: "special education"
        case .vocational: "vocational"
        case .complete: "complete secondary"
        case .kindergarten: "kindergarten"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? rawValue : englishLabel }

    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let type = SchoolType(rawValue: text) { self = type; return }
        guard let type = SchoolType.allCases.first(where: { $0.englishLabel == text.lowercased() || "\($0)" == text })
        else { return nil }
        self = type
    }
}
