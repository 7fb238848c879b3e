/// A recorded status change, with what it changed and whether its documents are complete.
public struct StatusChange: Codable, Sendable, Equatable {
    public var id: Int64
    public var studentNumber: String
    public var kind: StatusChangeKind
    public var from: StudentStatus?
    public var to: StudentStatus
    public var date: CivilDate
    public var documents: [String]
    /// Documents the configuration requires that were not supplied; empty when complete.
    public var missingDocuments: [String]
    /// A dropout's causes as the school chose them. Absent on other kinds, and on dropouts
    /// recorded before causes were a closed list, whose ``reason`` then holds them as text
    /// (the monitor reads those as it always did: decision 101).
    public var causes: [DropoutCause]?
    /// Free text: a dropout's note beside its causes, or another change's reason.
    public var reason: String?
    public var fromSchool: String?
    public var toSchool: String?
    /// The receiving school's type when the change moved the child into another school (a
    /// transfer in, a return into a special-education or vocational school): what the monitor
    /// closes the child's case as (decision 82).
    public var toSchoolType: SchoolType?
    public var expectedEnd: CivilDate?
    public var recordedAt: String
    public var recordedBy: String

    public var isComplete: Bool { missingDocuments.isEmpty }

    public init(id: Int64, studentNumber: String, kind: StatusChangeKind, from: StudentStatus?, to: StudentStatus, date: CivilDate, documents: [String], missingDocuments: [String], reason: String?, fromSchool: String?, toSchool: String?, expectedEnd: CivilDate?, recordedAt: String, recordedBy: String) {
        self.id = id
        self.studentNumber = studentNumber
        self.kind = kind
        self.from = from
        self.to = to
        self.date = date
        self.documents = documents
        self.missingDocuments = missingDocuments
        self.reason = reason
        self.fromSchool = fromSchool
        self.toSchool = toSchool
        self.expectedEnd = expectedEnd
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
