import BaoxueContracts
import Foundation
import Hummingbird

/// Lets a request in only with `Authorization: Bearer <token>` of an enabled user, and sets the
/// context's actor to that user. The token is checked against the store on every request, so a
/// disabled user or a rotated token is refused from the next request on.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext
    let operations: Operations

    static let missing = ServiceError(.authMissing, "需要令牌：请在请求头加 Authorization: Bearer <令牌> (a token is needed: send Authorization: Bearer <token>)")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = Self.token(in: request) else { throw Self.missing }
        var context = context
        context.actor = try await operations.access.authenticate(token: token, via: context.via)
        return try await next(request, context)
    }

    /// The bearer token of `Authorization: Bearer <token>`, if the request has one.
    static func token(in request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
