/// Whose alerts a webhook carries: one township's (乡镇), one school's, or the county's own
/// channel (县级), which gets urgent alerts at once and escalations of unacknowledged ones.
public enum WebhookTarget: Sendable, Equatable, Hashable {
    case township(String)
    case school(String)
    case county

    public var township: String? { if case .township(let code) = self { code } else { nil } }
    public var school: String? { if case .school(let code) = self { code } else { nil } }
    public var isCounty: Bool { self == .county }

    /// `township 510123101`, `school 2510123001`, `county`: how lists and logs show it.
    public var description: String {
        switch self {
        case .township(let code): "township \(code)"
        case .school(let code): "school \(code)"
        case .county: "county"
        }
    }
}
