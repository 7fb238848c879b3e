import BaoxueContracts

/// One child's record and status history: the single-record view, the only place full ID numbers
/// and phones appear, and only for roles allowed to see them (not viewers).
public struct StudentFile: Codable, Sendable {
    public var student: StudentSheet
    public var changes: [StatusChange]

    public init(_ detail: StudentDetail, masked: Bool) {
        student = StudentSheet(detail.student, masked: masked)
        changes = masked ? detail.changes.map(\.masked) : detail.changes
    }
}

extension StatusChange {
    /// The change with its student number masked, as lists show it.
    public var masked: StatusChange {
        var copy = self
        copy.studentNumber = Masking.studentNumber(studentNumber)
        return copy
    }
}
