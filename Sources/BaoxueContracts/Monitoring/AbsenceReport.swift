/// One child's absence on one school day. No reason means unexplained (无故缺课), the kind the
/// absence rules count; a reason (病假 sick leave, 事假 personal leave) is recorded and not counted.
public struct AbsenceReport: Codable, Sendable, Equatable {
    /// ID number or student number.
    public var student: String
    public var date: CivilDate
    public var reason: String?

    public init(student: String, date: CivilDate, reason: String? = nil) {
        self.student = student
        self.date = date
        self.reason = reason
    }

    public var isUnexplained: Bool { (reason ?? "").trimmingWhitespace().isEmpty }

    public static let maximumReasonLength = 200
}
