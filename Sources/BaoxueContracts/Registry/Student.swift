/// A student as the registry keeps them: the roster record plus the status and where the child
/// belongs. Also the body of every `registry.student.*` event (event-carried state), so a
/// subscriber's replica needs nothing else.
public struct Student: Codable, Sendable, Equatable {
    public var record: StudentRecord
    public var status: StudentStatus
    /// The school's township, which routes the child's alerts and scopes who may see them.
    public var township: String
    public var schoolName: String?
    /// Whether a status change of this child still lacks documents (手续不全).
    public var documentsIncomplete: Bool
    /// Last change of the row, ISO 8601.
    public var updatedAt: String
    /// The registry's revision of this student, incremented on every change.
    public var revision: Int

    public init(record: StudentRecord, status: StudentStatus, township: String, schoolName: String?, documentsIncomplete: Bool, updatedAt: String, revision: Int) {
        self.record = record
        self.status = status
        self.township = township
        self.schoolName = schoolName
        self.documentsIncomplete = documentsIncomplete
        self.updatedAt = updatedAt
        self.revision = revision
    }
}
