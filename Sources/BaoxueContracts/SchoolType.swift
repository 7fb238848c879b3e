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
    /// 高级中学: a general high school with grades 10–12 only (普通高中).
    case senior = "高级中学"

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
        case .senior: "senior secondary"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? rawValue : englishLabel }

    /// The grades a school of this type may hold (``SchoolGrade``): the registry refuses a child
    /// in a grade their school does not teach, so every stage's children are where that stage is
    /// taught. Teaching points (教学点) are the lower primary grades of a village, though the
    /// roster allows all six; a special-education school takes children of every stage.
    public var grades: ClosedRange<Int> {
        switch self {
        case .kindergarten: SchoolGrade.kindergarten
        case .primary, .teachingPoint: 1...6
        case .junior: 7...9
        case .nineYear: 1...9
        case .complete: 7...12
        case .senior, .vocational: SchoolGrade.highSchool
        case .special: SchoolGrade.all
        }
    }

    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let type = SchoolType(rawValue: text) { self = type; return }
        // What other exports write for a general high school.
        if ["高中", "普通高中", "高级中学"].contains(text) { self = .senior; return }
        guard let type = SchoolType.allCases.first(where: { $0.englishLabel == text.lowercased() || "\($0)" == text })
        else { return nil }
        self = type
    }
}
