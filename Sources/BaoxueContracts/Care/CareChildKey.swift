/// A request naming one child by ID number or student number.
public struct CareChildKey: Codable, Sendable, Equatable {
    public var student: String

    public init(student: String) {
        self.student = student
    }
}
