/// Whose alerts a webhook carries: one township's (乡镇), one school's, or the county's own
/// channel (县级), which gets urgent alerts at once and escalations of unacknowledged ones; or a
/// surrogate parent's (代理家长) own channel, which gets the care service's notices about the
/// children in their care (the monitor's warnings on them, contact reminders) and nothing else.
public enum WebhookTarget: Sendable, Equatable, Hashable {
    case township(String)
    case school(String)
    case county
    /// The care service's id of the surrogate parent.
    case surrogate(Int64)

    public var township: String? { if case .township(let code) = self { code } else { nil } }
    public var school: String? { if case .school(let code) = self { code } else { nil } }
    public var isCounty: Bool { self == .county }
    public var surrogate: Int64? { if case .surrogate(let id) = self { id } else { nil } }

    /// `township 510123101`, `school 2510123001`, `county`: how lists and logs show it.
    public var description: String {
        switch self {
        case .township(let code): "township \(code)"
        case .school(let code): "school \(code)"
        case .county: "county"
        case .surrogate(let id): "surrogate \(id)"
        }
    }
}
