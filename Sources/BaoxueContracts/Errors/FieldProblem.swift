/// One thing wrong with one field of an input record, in words a person can act on.
public struct FieldProblem: Error, Equatable, Sendable, Codable {
    /// The column as the file names it (`身份证件号`).
    public var field: String
    /// What is wrong and, where useful, what was expected.
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}
