/// A child named in an activity or a notice: name and masked student number.
public struct ChildRef: Codable, Sendable, Equatable {
    /// Masked.
    public var student: String
    public var name: String

    public init(student: String, name: String) {
        self.student = student
        self.name = name
    }
}
