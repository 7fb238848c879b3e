/// One line of the audit log: who (user, role, from where) did what to which child, when, and
/// whether it was allowed. It never holds a full sensitive value: the child is named by a masked
/// label, and found again through keyed references the log does not show (``AuditSubject``).
public struct AuditEntry: Codable, Sendable, Equatable {
    public var id: Int64
    /// ISO 8601 UTC with milliseconds.
    public var at: String
    public var user: String
    public var role: String
    /// `cli`, or `http <address>`.
    public var via: String
    /// What was done: `student.read`, `student.add`, `student.change`, `students.import`,
    /// `schools.import`, `user.add`, `user.disable`, `user.rotateToken`, `audit.read`, …
    public var action: String
    /// `ok`, or `denied` when the caller's scope or role refused it.
    public var outcome: String
    /// The child as people may see it in a log: name and masked ID or student number.
    public var subject: String?
    /// What else matters: the change kind, a row count, the user acted upon.
    public var detail: String?
    public var township: String?
    public var school: String?

    public init(id: Int64 = 0, at: String, user: String, role: String, via: String, action: String, outcome: String, subject: String?, detail: String?, township: String?, school: String?) {
        self.id = id
        self.at = at
        self.user = user
        self.role = role
        self.via = via
        self.action = action
        self.outcome = outcome
        self.subject = subject
        self.detail = detail
        self.township = township
        self.school = school
    }
}
