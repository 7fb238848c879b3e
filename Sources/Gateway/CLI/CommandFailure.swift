import BaoxueContracts
import BaoxueMessaging

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
        exitCode = error.kind.outcome.exitCode
        if error.kind == .unavailable, let key = RequestScope.current?.key, key.hasPrefix(Self.scopePrefix) {
            message = Self.unsettled(requestKey: String(key.dropFirst(Self.scopePrefix.count)), language: language)
            return
        }
        message = Localized.pick(error.message, language)
        if let problems = error.problems, !problems.isEmpty {
            message += "\n" + problems.map { "  - \($0.field): \(Localized.pick($0.reason, language))" }.joined(separator: "\n")
        }
    }

    /// The prefix of a command's request scope: `cli/<key>`.
    static let scopePrefix = "cli/"

    /// What a command that got no answer says: it will not be applied later, and how to learn
    /// whether it was applied just before.
    static func unsettled(requestKey: String, language: Language) -> String {
        language.pick(
            "服务在期限内无响应，此命令之后不会再执行；是否已在期限前执行，请加 --request-id \(requestKey) 重新运行同一命令确认，已执行的不会重复执行。",
            "a service did not answer by the deadline; the command will not be applied later. To learn whether it was applied just before, run the same command again with --request-id \(requestKey): what was applied is answered, not applied twice.")
    }
}
