/// What kind of failure an ``ErrorCode`` names: the one thing both faces of the gateway decide by.
/// The HTTP status and the CLI's exit code of every error come from ``outcome``, the single table
/// below, so the two faces cannot drift apart.
///
/// Exit codes (README): 0 ok, 1 refused (by a rule, by scope, or because the record's state does
/// not allow it), 2 invalid input or usage (what was typed or sent is malformed: correct it and send
/// it again), 3 a service unreachable (nothing was applied: see docs/protocol.md on deadlines).
public enum ErrorKind: String, Codable, Sendable, CaseIterable {
    /// The request, its fields or its file are malformed: correct them and send again.
    case invalid
    /// The body or upload is larger than the gateway accepts.
    case tooLarge
    /// A known path asked with a method it does not answer.
    case methodNotAllowed
    /// No bearer token, or one that is unknown, rotated or disabled.
    case unauthenticated
    /// Outside the caller's role or scope (township, school).
    case forbidden
    /// No such record (or one the caller may not know exists).
    case notFound
    /// Well-formed, but the record's current state does not allow it.
    case conflict
    /// Well-formed, but a domain rule refuses it (a date before birth, a missing reason).
    case refused
    /// A service did not answer in time; the request was not applied.
    case unavailable
    /// A fault of the system, not of the request; the service's log says more.
    case `internal`

    /// The HTTP status and the CLI exit code of this kind: the one table both faces use.
    public var outcome: (httpStatus: Int, exitCode: Int32) {
        switch self {
        case .invalid: (400, 2)
        case .tooLarge: (413, 2)
        case .methodNotAllowed: (405, 2)
        case .unauthenticated: (401, 1)
        case .forbidden: (403, 1)
        case .notFound: (404, 1)
        case .conflict: (409, 1)
        case .refused: (422, 1)
        case .unavailable: (503, 3)
        case .internal: (500, 1)
        }
    }

    /// Whether the caller was at fault (a refusal worth an audit line), as opposed to the system.
    public var isRefusal: Bool { self != .unavailable && self != .internal }
}
