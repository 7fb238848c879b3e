/// A status change to record (`registry.students.change`).
public struct StatusChangeRequest: Codable, Sendable {
    /// The student: an ID number or a student number.
    public var student: String
    public var kind: StatusChangeKind
    /// The date the change took effect.
    public var date: CivilDate
    /// Names of the supporting documents supplied (转学申请, 接收证明, …).
    public var documents: [String]
    public var reason: String?
    /// For `transferOut` inside the county: the receiving school's code, when known. For
    /// `transferIn`: the school that receives the child (defaults to the current school).
    public var toSchool: String?
    /// For `transferOut`: the child was received outside the county (→ `leftCounty`).
    public var outOfCounty: Bool?
    /// For `suspend`: when the suspension is expected to end.
    public var expectedEnd: CivilDate?

    public init(student: String, kind: StatusChangeKind, date: CivilDate, documents: [String] = [], reason: String? = nil, toSchool: String? = nil, outOfCounty: Bool? = nil, expectedEnd: CivilDate? = nil) {
        self.student = student
        self.kind = kind
        self.date = date
        self.documents = documents
        self.reason = reason
        self.toSchool = toSchool
        self.outOfCounty = outOfCounty
        self.expectedEnd = expectedEnd
    }
}
