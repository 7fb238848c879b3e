/// A student's status in the registry (学籍状态).
public enum StudentStatus: String, Codable, Sendable, CaseIterable {
    /// 在读
    case enrolled
    /// 休学
    case suspended
    /// 转出: left a school inside the county, not yet received by another.
    case transferredOut
    /// 辍学: keeps the record so the county can bring the child back.
    case droppedOut
    /// 毕业
    case graduated
    /// 转出县外: received outside the county, with proof.
    case leftCounty
    /// 死亡
    case deceased

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.enrolled, .zh): "在读"
        case (.suspended, .zh): "休学"
        case (.transferredOut, .zh): "转出待接收"
        case (.droppedOut, .zh): "辍学"
        case (.graduated, .zh): "毕业"
        case (.leftCounty, .zh): "转出县外"
        case (.deceased, .zh): "死亡"
        case (.enrolled, .en): "enrolled"
        case (.suspended, .en): "suspended"
        case (.transferredOut, .en): "transferred out"
        case (.droppedOut, .en): "dropped out"
        case (.graduated, .en): "graduated"
        case (.leftCounty, .en): "left county"
        case (.deceased, .en): "deceased"
        }
    }

    /// Accepts the English code or either label.
    public init?(label: String) {
        let text = TextNormalization.field(label)
        if let status = StudentStatus(rawValue: text) { self = status; return }
        guard let status = StudentStatus.allCases.first(where: { $0.label(.zh) == text || $0.label(.en) == text.lowercased() })
        else { return nil }
        self = status
    }
}
