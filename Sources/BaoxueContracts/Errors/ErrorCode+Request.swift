/// Codes about the request itself and the system, shared by every service and the gateway.
extension ErrorCode {
    /// A field is missing, malformed or out of range.
    public static let requestInvalid = ErrorCode("request.invalid", .invalid)
    /// A frame or body that does not decode.
    public static let requestMalformed = ErrorCode("request.malformed", .invalid)
    /// A message type this service does not answer.
    public static let requestUnknownType = ErrorCode("request.unknownType", .invalid)
    /// A JSON body with a field the endpoint does not know (a typo must not be dropped silently).
    public static let requestUnknownField = ErrorCode("request.unknownField", .invalid)
    /// A request whose header names no actor.
    public static let requestNoActor = ErrorCode("request.noActor", .invalid)
    /// A protocol version this service does not speak.
    public static let requestUnsupportedVersion = ErrorCode("request.unsupportedVersion", .invalid)
    /// A request id already used for a different request.
    public static let requestIDReused = ErrorCode("request.idReused", .invalid)
    /// A page cursor that this list did not hand out.
    public static let requestBadCursor = ErrorCode("request.badCursor", .invalid)
    /// A path the gateway does not serve at all.
    public static let routeNotFound = ErrorCode("route.notFound", .notFound)
    /// A body or upload over the gateway's limit.
    public static let requestTooLarge = ErrorCode("request.tooLarge", .tooLarge)
    /// A known path with a method it does not answer.
    public static let requestMethodNotAllowed = ErrorCode("request.methodNotAllowed", .methodNotAllowed)
    /// A request that reached a service after its deadline (`header.deadline`): refused unread,
    /// or rolled back if the deadline passed while it ran. Nothing was applied.
    public static let requestExpired = ErrorCode("request.expired", .unavailable)
    /// An `Idempotency-Key` sent again with another request (another method or path).
    public static let requestIdempotencyKeyReused = ErrorCode("request.idempotencyKeyReused", .invalid)
    /// A service that did not answer by the request's deadline: the request will not be applied
    /// after it; whether it was applied before can be learnt by retrying under the same key.
    public static let serviceUnavailable = ErrorCode("service.unavailable", .unavailable)
    /// A fault of the system; the log says more.
    public static let `internal` = ErrorCode("internal", .internal)
    /// Outside the caller's role or scope.
    public static let scopeForbidden = ErrorCode("scope.forbidden", .forbidden)
    /// No bearer token.
    public static let authMissing = ErrorCode("auth.missing", .unauthenticated)
    /// An unknown, rotated or disabled token.
    public static let authInvalid = ErrorCode("auth.invalid", .unauthenticated)
    /// A write signed in by the dashboard's session cookie without the page's CSRF token
    /// (`X-CSRF-Token`): refused, so another site cannot make a signed-in browser write.
    public static let authCSRF = ErrorCode("auth.csrf", .forbidden)
    /// A configuration value a process cannot start with.
    public static let configInvalid = ErrorCode("config.invalid", .refused)
    /// A bind beyond loopback without CurveZMQ keys.
    public static let configCurveRequired = ErrorCode("config.curveRequired", .refused)
}
