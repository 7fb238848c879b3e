/// A student's sex (性别), as the national roster records it.
public enum Sex: String, Codable, Sendable, CaseIterable {
    case male, female

    /// The roster's label: 男 / 女.
    public var label: String { self == .male ? "男" : "女" }

    /// Parses 男/女, M/F, male/female (any case).
    public init?(label: String) {
        // 男 and 女 as files write them, before any clean-up: every row has one.
        if label == "男" { self = .male; return }
        if label == "女" { self = .female; return }
        switch TextNormalization.field(label).lowercased() {
        case "男", "m", "male", "1": self = .male
        case "女", "f", "female", "2": self = .female
        default: return nil
        }
    }
}
