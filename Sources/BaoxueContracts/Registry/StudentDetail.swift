/// One student's full record with their history of changes (`registry.students.get`).
public struct StudentDetail: Codable, Sendable {
    public var student: Student
    public var changes: [StatusChange]

    public init(student: Student, changes: [StatusChange]) {
        self.student = student
        self.changes = changes
    }
}
