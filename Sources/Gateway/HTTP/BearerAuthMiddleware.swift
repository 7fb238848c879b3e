import BaoxueContracts
import Foundation
import Hummingbird

/// Lets a request in only with `Authorization: Bearer <token>` of an enabled user, or with the
/// dashboard's session cookie (decision 129), and sets the context's actor to that user. The token
/// (or the token the session was opened with) is checked against the store on every request, so a
/// disabled user or a rotated token is refused from the next request on. A write by cookie must
/// also carry the page's CSRF token in `X-CSRF-Token`; `SameSite=Strict` already keeps the cookie
/// off other sites' requests, and the token covers browsers that do not honour it.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext
    let operations: Operations

    static let missing = ServiceError(.authMissing, "需要令牌：请在请求头加 Authorization: Bearer <令牌> (a token is needed: send Authorization: Bearer <token>)")

    static let forged = ServiceError(.authCSRF, "缺少或错误的CSRF令牌：请刷新页面后重试 (the CSRF token is missing or wrong: reload the page and try again)")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = Self.token(in: request) {
            context.actor = try await operations.access.authenticate(token: token, via: context.via)
        } else if let id = request.cookies[WebCookie.session]?.value {
            guard let session = try await operations.accessStore.webSession(id) else {
                throw ServiceError(.authInvalid, "登录已过期，请重新登录 (the sign-in has expired: sign in again)")
            }
            if ![.get, .head].contains(request.method) {
                guard let sent = request.headers[WebCookie.csrfHeader], WebCookie.same(sent, session.csrf) else { throw Self.forged }
            }
            context.actor = session.account.actor(via: context.via)
        } else {
            throw Self.missing
        }
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
