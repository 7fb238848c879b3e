/// A status change to record (`registry.students.change`).
public struct StatusChangeRequest: Codable, Sendable {
    /// The student: an ID number or a student number.
    public var student: String
    public var kind: StatusChangeKind
    /// The date the change took effect.
    public var date: CivilDate
    /// Names of the supporting documents supplied (转学申请, 接收证明, …).
    public var documents: [String]
    /// For `dropOut`: why the child left, chosen from the closed list (at least one). Other kinds
    /// take none.
    public var causes: [DropoutCause]?
    /// Free text: for a dropout, the note beside its causes (what the school saw); for other
    /// kinds, the reason as before.
    public var reason: String?
    /// For `transferOut` inside the county: the receiving school's code, when known. For
    /// `transferIn`: the school that receives the child (defaults to the current school). For
    /// `return`: the school the child returns into, when not their own (a special-education or
    /// vocational school, decision 82).
    public var toSchool: String?
    /// For `transferIn` and `return`: the child's grade at the receiving school, when it is not
    /// the grade they had (a junior-secondary dropout placed in a vocational school's 高一).
    public var grade: Int?
    /// For `transferOut`: the child was received outside the county (→ `leftCounty`).
    public var outOfCounty: Bool?
    /// For `suspend`: when the suspension is expected to end.
    public var expectedEnd: CivilDate?
    /// Values of `causes` on the wire that are no ``DropoutCause`` code, kept so the registry
    /// refuses them by name (`change.unknownCause`, with the choices) rather than as a bare
    /// decoding error. Never encoded: a Swift client can only send known causes.
    public var unknownCauses: [String] = []

    enum CodingKeys: String, CodingKey {
        case student, kind, date, documents, causes, reason, toSchool, grade, outOfCounty, expectedEnd
    }

    public init(student: String, kind: StatusChangeKind, date: CivilDate, documents: [String] = [], causes: [DropoutCause]? = nil, reason: String? = nil, toSchool: String? = nil, outOfCounty: Bool? = nil, expectedEnd: CivilDate? = nil, grade: Int? = nil) {
        self.student = student
        self.kind = kind
        self.date = date
        self.documents = documents
        self.causes = causes
        self.reason = reason
        self.toSchool = toSchool
        self.outOfCounty = outOfCounty
        self.expectedEnd = expectedEnd
        self.grade = grade
    }

    /// `documents` may be omitted (none supplied). `causes` is read as text and sorted into known
    /// causes and ``unknownCauses``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        student = try c.decode(String.self, forKey: .student)
        kind = try c.decode(StatusChangeKind.self, forKey: .kind)
        date = try c.decode(CivilDate.self, forKey: .date)
        documents = try c.decodeIfPresent([String].self, forKey: .documents) ?? []
        if let texts = try c.decodeIfPresent([String].self, forKey: .causes) {
            causes = texts.compactMap(DropoutCause.init(rawValue:))
            unknownCauses = texts.filter { DropoutCause(rawValue: $0) == nil }
        }
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        toSchool = try c.decodeIfPresent(String.self, forKey: .toSchool)
        outOfCounty = try c.decodeIfPresent(Bool.self, forKey: .outOfCounty)
        expectedEnd = try c.decodeIfPresent(CivilDate.self, forKey: .expectedEnd)
        grade = try c.decodeIfPresent(Int.self, forKey: .grade)
    }
}
