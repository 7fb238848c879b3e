/// One alert about one child, as lists, the event stream and webhooks carry it. It names the child
/// by name and masked student number only: an alert travels to phones and group chats.
public struct Alert: Codable, Sendable, Equatable {
    public var id: Int64
    public var rule: AlertRule
    public var severity: AlertSeverity
    public var state: AlertState
    public var studentName: String
    /// Masked (`G510123********123X`).
    public var student: String
    public var township: String
    public var school: String
    /// What happened and what to do, in Chinese and in English.
    public var text: String
    public var textEnglish: String
    /// ISO 8601 UTC.
    public var createdAt: String
    public var acknowledgedAt: String?
    public var acknowledgedBy: String?
    public var note: String?
    public var resolvedAt: String?
    /// Why it resolved by itself (`received by 2510123002`, `resumed`, …).
    public var resolution: String?
    /// The case this alert opened or concerns, if any.
    public var caseID: Int64?

    public init(id: Int64, rule: AlertRule, severity: AlertSeverity, state: AlertState, studentName: String, student: String, township: String, school: String, text: String, textEnglish: String, createdAt: String, acknowledgedAt: String? = nil, acknowledgedBy: String? = nil, note: String? = nil, resolvedAt: String? = nil, resolution: String? = nil, caseID: Int64? = nil) {
        self.id = id
        self.rule = rule
        self.severity = severity
        self.state = state
        self.studentName = studentName
        self.student = student
        self.township = township
        self.school = school
        self.text = text
        self.textEnglish = textEnglish
        self.createdAt = createdAt
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.note = note
        self.resolvedAt = resolvedAt
        self.resolution = resolution
        self.caseID = caseID
    }

    public func text(_ language: Language) -> String { language == .zh ? text : textEnglish }
}
