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

    /// No answer by the request's deadline. The request will not be applied after it; if it was
    /// applied just before, retrying under the same request id (HTTP: the same `Idempotency-Key`;
    /// CLI: `--request-id`) answers what it did, without doing it twice.
    public static func unavailable(_ service: String, requestID: String? = nil) -> ServiceError {
        let zh = requestID.map { "；如需确认此前是否已执行，请用同一请求编号（\($0)）重试" } ?? ""
        let en = requestID.map { "; to learn whether it was applied just before, retry under the same request id (\($0))" } ?? ""
        return ServiceError(
            .serviceUnavailable,
            "服务\(service)在期限内无响应，此请求之后不会再执行\(zh)；可用 baoxue services status 检查服务 (service \(service) did not answer by the request's deadline and will not apply it later\(en); check the services with `baoxue services status`)")
    }

    /// A request that reached the service after its deadline, or whose deadline passed while it
    /// ran: nothing was applied.
    public static func expired(requestID: String, by milliseconds: Int64) -> ServiceError {
        ServiceError(
            .requestExpired,
            "请求\(requestID)已过期限（超出\(milliseconds)毫秒），未执行 (request \(requestID) arrived or finished \(milliseconds) ms after its deadline and was not applied)")
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
