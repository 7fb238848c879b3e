/// Household registration type (户口性质): agricultural (农业户口, rural) or non-agricultural
/// (非农业户口, urban). The national student-status forms write it as its name or its code (1, 2);
/// since the 2014 household-registration reform many counties write 农村/城镇 instead, read the same.
/// Civil affairs' definition of a left-behind child (农村留守儿童) needs it: only a rural-registered
/// child can be one.
public enum HouseholdType: String, Codable, Sendable, CaseIterable {
    case rural = "农业户口"
    case urban = "非农业户口"

    /// Reads `农业户口`, `农业`, `1`, `农村`, `农村户口`, `rural`, `agricultural`, and the urban
    /// spellings (`非农业户口`, `非农业`, `2`, `城镇`, `城镇户口`, `urban`, `non-agricultural`).
    /// Empty is not a value: the caller decides what an empty cell means.
    public init?(label: String) {
        // A type as the roster writes it, before any clean-up (lower-casing Chinese text goes
        // through Unicode's case tables).
        if let value = HouseholdType(rawValue: label) { self = value; return }
        switch TextNormalization.field(label).lowercased() {
        case "农业户口", "农业", "1", "农村", "农村户口", "rural", "agricultural": self = .rural
        case "非农业户口", "非农业", "2", "城镇", "城镇户口", "urban", "nonagricultural", "non-agricultural": self = .urban
        default: return nil
        }
    }

    /// `rural` or `urban`, for English output.
    public var english: String { self == .rural ? "rural" : "urban" }

    public func label(_ language: Language) -> String { language == .zh ? rawValue : english }
}
