/// The stage of education a grade belongs to (学段): what student aid is given by. Compulsory
/// education (义务教育) is grades 1–9; preschool (学前) the kindergarten classes before it; high
/// school (高中阶段) grades 10–12, general and vocational alike.
public enum EducationStage: String, Codable, Sendable, CaseIterable {
    case preschool
    case compulsory
    case highSchool

    /// The stage of a grade as ``SchoolGrade`` numbers it; nil outside `-2...12`.
    public init?(grade: Int) {
        switch grade {
        case SchoolGrade.kindergarten: self = .preschool
        case SchoolGrade.compulsory: self = .compulsory
        case SchoolGrade.highSchool: self = .highSchool
        default: return nil
        }
    }

    public var chinese: String {
        switch self {
        case .preschool: "学前教育"
        case .compulsory: "义务教育"
        case .highSchool: "高中阶段教育"
        }
    }

    public var english: String {
        switch self {
        case .preschool: "preschool"
        case .compulsory: "compulsory"
        case .highSchool: "high school"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? chinese : english }

    /// The code (`highSchool`), either label, or the short forms people write (`学前`, `高中`).
    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let stage = EducationStage(rawValue: text) { self = stage; return }
        switch text.lowercased() {
        case "学前教育", "学前", "preschool": self = .preschool
        case "义务教育", "义务", "compulsory": self = .compulsory
        case "高中阶段教育", "高中阶段", "高中", "high school", "highschool", "high-school": self = .highSchool
        default: return nil
        }
    }
}
