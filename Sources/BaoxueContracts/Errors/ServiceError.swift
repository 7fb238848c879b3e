/// An error that crosses a service boundary: a stable machine code (whose kind decides the HTTP
/// status and the CLI exit code), a message a person can act on, and, for input errors, the fields
/// or rows at fault.
///
/// On the wire: `{"code": "student.notFound", "kind": "notFound", "message": …, "problems": […]}`
/// (docs/protocol.md lists every code).
public struct ServiceError: CodedError, Codable, Equatable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    public var problems: [FieldProblem]?

    public init(_ code: ErrorCode, _ message: String, problems: [FieldProblem]? = nil) {
        self.code = code
        self.message = message
        self.problems = problems
    }

    public var description: String { "\(code): \(message)" }

    /// What kind of failure this is: the HTTP status and exit code follow from it.
    public var kind: ErrorKind { code.kind }

    /// Whether the caller's input or scope was at fault (exit 1 or 2, HTTP 4xx), as opposed to the
    /// system.
    public var isRefusal: Bool { code.kind.isRefusal }

    public static func malformed(_ message: String) -> ServiceError {
        ServiceError(.requestMalformed, message)
    }

    /// A field of a person's request that is missing or malformed, named in `problems` too.
    public static func invalid(field: String, _ message: String, reason: String) -> ServiceError {
        ServiceError(.requestInvalid, message, problems: [FieldProblem(field: field, reason: reason)])
    }

    public static func unavailable(_ service: String) -> ServiceError {
        ServiceError(
            .serviceUnavailable,
            "服务\(service)无响应，请用 baoxue services status 检查 (service \(service) did not answer; check with `baoxue services status`)")
    }

    private enum CodingKeys: String, CodingKey { case code, kind, message, problems }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decode(String.self, forKey: .code)
        // A reply without a kind (an older peer) or with one this build does not know is treated
        // as the system's fault: a 500 and exit 1, never a false "invalid input".
        let kind = try container.decodeIfPresent(String.self, forKey: .kind).flatMap(ErrorKind.init(rawValue:)) ?? .internal
        code = ErrorCode(raw, kind)
        message = try container.decode(String.self, forKey: .message)
        problems = try container.decodeIfPresent([FieldProblem].self, forKey: .problems)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code.rawValue, forKey: .code)
        try container.encode(code.kind, forKey: .kind)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(problems, forKey: .problems)
    }
}
