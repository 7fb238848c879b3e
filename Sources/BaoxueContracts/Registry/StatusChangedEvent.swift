/// The body of `registry.student.status.<township>`: the change and the student after it.
public struct StatusChangedEvent: Codable, Sendable {
    public var change: StatusChange
    public var student: Student

    public init(change: StatusChange, student: Student) {
        self.change = change
        self.student = student
    }
}
