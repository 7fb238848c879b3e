import BaoxueContracts
import BaoxueMessaging
import Foundation
import HTTPTypes
import Hummingbird

/// Gives every HTTP write a ``RequestScope``: from its `Idempotency-Key` header when it has one,
/// so that a client who got no answer (a 503, a dropped connection) can send the same request
/// again with the same key and get the first outcome instead of applying it twice; from a fresh
/// key otherwise. The key is answered in `Idempotency-Key` and, for writes without one, the fresh
/// key is answered there too, so a client can still retry the exact request it sent.
///
/// Runs after ``BearerAuthMiddleware``: keys belong to a user, so two users' keys never meet.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext
    let operations: Operations

    static let header = HTTPField.Name("Idempotency-Key")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head, request.method != .options else {
            // Reads need no scope (nothing to apply twice), and must not inherit the scope of the
            // command that started the server.
            return try await RequestScope.$current.withValue(nil) { try await next(request, context) }
        }
        let actor = try context.requireActor()
        let key: String
        if let given = request.headers[Self.header] {
            key = try RequestScope.checkedKey(given, field: "Idempotency-Key")
            let route = "\(request.method.rawValue) \(context.endpointPath ?? request.uri.path)"
            let target = RequestContext.digest(Data("\(request.method.rawValue) \(request.uri.path)".utf8))
            try await operations.accessStore.claimIdempotencyKey(key, user: actor.user, route: route, target: target)
        } else {
            key = RequestScope.freshKey(prefix: "auto")
        }
        let scope = RequestScope(key: "http/\(actor.user)/\(key)")
        var response: Response
        do {
            response = try await RequestScope.$current.withValue(scope) { try await next(request, context) }
        } catch let error as ServiceError where error.kind == .unavailable {
            // Said here, where the key is known, so the client reads how to settle the outcome.
            response = JSONResponse.error(Self.unsettled(error, key: key), language: HTTPLanguage.of(request))
        }
        response.headers[Self.header] = key
        return response
    }

    /// A 503 on a write: not applied after its deadline, perhaps applied just before; the same
    /// request with the same key answers which, and never applies it twice.
    static func unsettled(_ error: ServiceError, key: String) -> ServiceError {
        ServiceError(
            error.code,
            "服务在期限内无响应，此请求之后不会再执行；是否已在期限前执行，请用同一 Idempotency-Key（\(key)）重发同一请求确认，已执行的不会重复执行 (a service did not answer by the request's deadline and will not apply it later; to learn whether it was applied just before, send the same request again with the same Idempotency-Key, \(key): a request already applied is answered, not applied twice)")
    }
}
