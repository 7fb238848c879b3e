/// An alert's life: open until someone acknowledges it, resolved when its cause goes away (the
/// child is received, resumes, comes back to class) — never by hand.
public enum AlertState: String, Codable, Sendable, CaseIterable {
    case open, acknowledged, resolved
}
