/// The actual guardian's health (监护人健康状况): an elderly or ill guardian is why a child needs
/// closer care.
public enum GuardianHealth: String, CareVocabulary {
    case healthy, fair, poor, disabled

    public var chinese: String {
        switch self {
        case .healthy: "健康"
        case .fair: "一般"
        case .poor: "体弱多病"
        case .disabled: "残疾"
        }
    }
}
