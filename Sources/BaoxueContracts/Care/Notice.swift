/// A notice to the people caring for a left-behind child (item 7): the monitor's warning or case
/// on the child, or a care alert about them, sent to the child's surrogate parent (and recorded
/// for the school's home). Published as `care.notice.<township>`, so the gateway delivers it to
/// the surrogate's own channel when they have one.
public struct Notice: Codable, Sendable, Equatable {
    public var id: Int64
    public var recipient: NoticeRecipient
    /// The surrogate parent (recipient `surrogate`), or the home (recipient `home`).
    public var recipientID: Int64
    public var recipientName: String
    /// Masked.
    public var student: String
    public var studentName: String
    public var township: String
    public var school: String
    public var source: NoticeSource
    /// The alert's or the case's id in its service.
    public var sourceID: Int64
    /// The alert's rule, for alerts.
    public var rule: AlertRule?
    public var text: String
    public var textEnglish: String
    public var createdAt: String

    public init(id: Int64, recipient: NoticeRecipient, recipientID: Int64, recipientName: String, student: String, studentName: String, township: String, school: String, source: NoticeSource, sourceID: Int64, rule: AlertRule?, text: String, textEnglish: String, createdAt: String) {
        self.id = id
        self.recipient = recipient
        self.recipientID = recipientID
        self.recipientName = recipientName
        self.student = student
        self.studentName = studentName
        self.township = township
        self.school = school
        self.source = source
        self.sourceID = sourceID
        self.rule = rule
        self.text = text
        self.textEnglish = textEnglish
        self.createdAt = createdAt
    }

    public func text(_ language: Language) -> String { language == .zh ? text : textEnglish }
}
