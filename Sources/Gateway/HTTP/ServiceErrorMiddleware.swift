import BaoxueContracts
import Hummingbird

/// Turns every error a route throws into the JSON error shape with a stable code, so no client
/// ever sees an HTML page or a bare status.
struct ServiceErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The router's routes, for 405 and `Allow` when a known path is asked with another method.
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let language = HTTPLanguage.of(request)
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return JSONResponse.error(error, language: language)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let allowed = routes.methods(for: request.uri.path) {
                var response = JSONResponse.error(ServiceError(.requestMethodNotAllowed, "该地址不支持\(request.method.rawValue)，可用 \(allowed.joined(separator: ", ")) (\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", ")))"), language: language)
                response.headers[.allow] = allowed.joined(separator: ", ")
                return response
            }
            let code: ErrorCode = error.status == .notFound ? .routeNotFound : error.status == .contentTooLarge ? .requestTooLarge : .requestInvalid
            let message = (error as? HTTPError)?.body ?? "\(error.status)"
            return JSONResponse.error(ServiceError(code, message), language: language)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return JSONResponse.error(ServiceError(.internal, "内部错误，请查看网关日志 (internal error; see the gateway log)"), language: language)
        }
    }
}

/// The language a request asks for: `?lang=en` or `Accept-Language: en…`; Chinese otherwise.
enum HTTPLanguage {
    static func of(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters.get("lang") { return Language(tag: lang) }
        return Language(tag: request.headers[.acceptLanguage])
    }
}
