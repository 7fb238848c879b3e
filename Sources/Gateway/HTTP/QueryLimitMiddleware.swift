import BaoxueContracts
import Hummingbird

/// Refuses any query parameter longer than ``maximumLength`` code points (as JSON Schema counts
/// `maxLength`, not grapheme clusters) before a route sees it:
/// no filter, search text or cursor needs more, and the OpenAPI document states the same limit.
struct QueryLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maximumLength: Int { 100 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        for (name, value) in request.uri.queryParameters where value.unicodeScalars.count > Self.maximumLength {
            let field = String(name)
            throw ServiceError(
                .requestInvalid, "参数\(field)超过\(Self.maximumLength)个字符 (parameter \(field) is longer than \(Self.maximumLength) characters)",
                problems: [FieldProblem(field: field, reason: "at most \(Self.maximumLength) characters")])
        }
        return try await next(request, context)
    }
}
