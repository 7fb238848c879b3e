/// Which audit lines to list: any mix of child, user, action and start time, newest first.
public struct AuditQuery: Sendable {
    /// An ID number or student number, matched through ``AuditSubject`` references.
    public var student: String?
    public var user: String?
    public var action: String?
    /// A date (`2026-11-01`, the county's day starting at 00:00 UTC+8) or an ISO 8601 instant.
    public var since: String?
    public var limit: Int

    public init(student: String? = nil, user: String? = nil, action: String? = nil, since: String? = nil, limit: Int = 100) {
        self.student = student
        self.user = user
        self.action = action
        self.since = since
        self.limit = limit
    }
}
