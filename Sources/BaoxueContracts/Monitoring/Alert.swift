/// One alert about one child, as lists, the event stream and webhooks carry it. It names the child
/// by name and masked student number only: an alert travels to phones and group chats.
///
/// Every alerting service (``ServiceName/alerting``) raises alerts of this one shape, so the
/// gateway's stream, watchers and webhooks carry them all alike; ``service`` says whose it is, and
/// ``id`` is unique within that service (acknowledge it there: ``AlertMessage``).
public struct Alert: Codable, Sendable, Equatable {
    public var id: Int64
    /// The service that raised it; `monitor` when a body does not say (before there were others).
    public var service: ServiceName
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

    public init(id: Int64, service: ServiceName = .monitor, rule: AlertRule, severity: AlertSeverity, state: AlertState, studentName: String, student: String, township: String, school: String, text: String, textEnglish: String, createdAt: String, acknowledgedAt: String? = nil, acknowledgedBy: String? = nil, note: String? = nil, resolvedAt: String? = nil, resolution: String? = nil, caseID: Int64? = nil) {
        self.id = id
        self.service = service
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

    private enum CodingKeys: String, CodingKey {
        case id, service, rule, severity, state, studentName, student, township, school, text, textEnglish, createdAt
        case acknowledgedAt, acknowledgedBy, note, resolvedAt, resolution, caseID
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        service = try c.decodeIfPresent(ServiceName.self, forKey: .service) ?? .monitor
        rule = try c.decode(AlertRule.self, forKey: .rule)
        severity = try c.decode(AlertSeverity.self, forKey: .severity)
        state = try c.decode(AlertState.self, forKey: .state)
        studentName = try c.decode(String.self, forKey: .studentName)
        student = try c.decode(String.self, forKey: .student)
        township = try c.decode(String.self, forKey: .township)
        school = try c.decode(String.self, forKey: .school)
        text = try c.decode(String.self, forKey: .text)
        textEnglish = try c.decode(String.self, forKey: .textEnglish)
        createdAt = try c.decode(String.self, forKey: .createdAt)
        acknowledgedAt = try c.decodeIfPresent(String.self, forKey: .acknowledgedAt)
        acknowledgedBy = try c.decodeIfPresent(String.self, forKey: .acknowledgedBy)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        resolvedAt = try c.decodeIfPresent(String.self, forKey: .resolvedAt)
        resolution = try c.decodeIfPresent(String.self, forKey: .resolution)
        caseID = try c.decodeIfPresent(Int64.self, forKey: .caseID)
    }
}
