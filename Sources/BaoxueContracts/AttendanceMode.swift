/// How a student attends (就读方式): day pupil or boarder. Boarders get a larger living allowance.
public enum AttendanceMode: String, Codable, Sendable, CaseIterable {
    case day = "走读"
    case boarding = "住校"

    public init?(label: String) {
        // A mode as the roster writes it, before any clean-up: every row has one.
        if let value = AttendanceMode(rawValue: label) { self = value; return }
        let text = TextNormalization.field(label)
        if let value = AttendanceMode(rawValue: text) { self = value; return }
        switch text.lowercased() {
        case "", "day": self = .day
        case "boarding", "boarder", "寄宿": self = .boarding
        default: return nil
        }
    }
}
