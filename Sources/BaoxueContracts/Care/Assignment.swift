/// A child given to a surrogate parent, from a day until a day.
public struct Assignment: Codable, Sendable, Equatable {
    public var id: Int64
    public var surrogate: Int64
    public var surrogateName: String
    /// Masked.
    public var student: String
    public var studentName: String
    public var assignedOn: CivilDate
    public var endedOn: CivilDate?
    /// `reassigned`, `left the ledger: …`, or what the person ending it said.
    public var endReason: String?

    public init(id: Int64, surrogate: Int64, surrogateName: String, student: String, studentName: String, assignedOn: CivilDate, endedOn: CivilDate?, endReason: String?) {
        self.id = id
        self.surrogate = surrogate
        self.surrogateName = surrogateName
        self.student = student
        self.studentName = studentName
        self.assignedOn = assignedOn
        self.endedOn = endedOn
        self.endReason = endReason
    }
}
