import BaoxueContracts

/// An error a command ends with: what went wrong in words for people, and the exit code it means
/// (``ErrorKind/outcome``: 1 refused, 2 invalid input or usage, 3 a service unreachable).
public struct CommandFailure: Error, Sendable {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public init(_ error: ServiceError, language: Language) {
        message = Localized.pick(error.message, language)
        if let problems = error.problems, !problems.isEmpty {
            message += "\n" + problems.map { "  - \($0.field): \(Localized.pick($0.reason, language))" }.joined(separator: "\n")
        }
        exitCode = error.kind.outcome.exitCode
    }
}
