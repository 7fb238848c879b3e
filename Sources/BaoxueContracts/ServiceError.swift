/// An error that crosses a service boundary: a stable machine code, a message a person can act on,
/// and, for input errors, the fields or rows at fault.
///
/// Codes are dotted and never reused: `request.malformed`, `request.unknownType`,
/// `student.notFound`, `change.notAllowed`, `student.invalid`, `service.unavailable`, …
/// (docs/protocol.md lists them all).
public struct ServiceError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var problems: [FieldProblem]?

    public init(code: String, message: String, problems: [FieldProblem]? = nil) {
        self.code = code
        self.message = message
        self.problems = problems
    }

    public var description: String { "\(code): \(message)" }

    /// Whether the caller's input was at fault (exit 1, HTTP 4xx), as opposed to the system.
    public var isRefusal: Bool { !code.hasPrefix("service.") && code != "internal" }

    public static func malformed(_ message: String) -> ServiceError {
        ServiceError(code: "request.malformed", message: message)
    }

    public static func unavailable(_ service: String) -> ServiceError {
        ServiceError(
            code: "service.unavailable",
            message: "服务\(service)无响应，请用 baoxue services status 检查 (service \(service) did not answer; check with `baoxue services status`)")
    }
}
