/// How soon someone must act: a warning to look into, or an urgent case of a child out of school.
public enum AlertSeverity: String, Codable, Sendable, CaseIterable {
    case warning, urgent
}
