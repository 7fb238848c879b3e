import Access
import BaoxueContracts
import Foundation
import HTTPTypes
import Hummingbird

/// The web dashboard at `/` (decision 129): sign in with a token, then the user's own scope
/// (the county, a township, a school) as server-rendered HTML with SVG charts, live alerts over
/// the JSON API's SSE stream, drill-down to a school's open cases and a child's case, and links
/// to every download. The session lives in an `HttpOnly`, `SameSite=Strict` cookie; writes from
/// the page carry a CSRF token. Pages are never cached and may not be framed.
extension GatewayHTTP {
    static func addDashboardRoutes(to router: Router<GatewayRequestContext>, operations: Operations, today: @escaping @Sendable () -> CivilDate) {
        let pages = DashboardPages(operations: operations, today: today)
        let store = operations.accessStore

        router.get("/static/dashboard.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"], body: ResponseBody(byteBuffer: ByteBuffer(data: DashboardRenderer.stylesheet)))
        }
        router.get("/static/dashboard.js") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"], body: ResponseBody(byteBuffer: ByteBuffer(data: DashboardRenderer.script)))
        }
        router.get("/login") { request, _ -> Response in
            let language = webLanguage(request)
            return try page("login", loginContext(language: language, error: nil), language: language, request: request)
        }
        router.post("/login") { request, _ -> Response in
            let language = webLanguage(request)
            let fields = try await formBody(request)
            do {
                let session = try await store.openWebSession(token: fields["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
                try await operations.auditor.record(session.account.actor(via: "web"), action: "web.signIn")
                var response = Response(status: .seeOther, headers: [.location: safeReturn(fields["returnTo"])])
                response.headers[values: .setCookie] = [WebCookie.set(session.id, maxAge: AccessStore.webSessionHours * 3600, secure: isSecure(request))]
                return response
            } catch let error as ServiceError where error.code == .authInvalid {
                let message = language.pick("令牌无效或已停用，请核对后重试，或向县级管理员申请新令牌。", "That token is invalid or disabled: check it, or ask a county admin for a new one.")
                var response = try page("login", loginContext(language: language, error: message, returnTo: safeReturn(fields["returnTo"])), language: language, request: request)
                response.status = .unauthorized
                return response
            }
        }
        // Signing out shows the sign-in page again, with the cookie cleared.
        router.post("/logout") { request, _ -> Response in
            let language = webLanguage(request)
            let fields = try await formBody(request)
            if let csrf = fields["csrf"], csrf.utf8.count > 100 {
                throw ServiceError(.requestInvalid, "csrf过长 (csrf is too long)", problems: [FieldProblem(field: "csrf", reason: "at most 100 characters")])
            }
            if let id = request.cookies[WebCookie.session]?.value, let session = try await store.webSession(id) {
                guard let csrf = fields["csrf"], WebCookie.same(csrf, session.csrf) else { throw BearerAuthMiddleware.forged }
                try await store.closeWebSession(id)
                try await operations.auditor.record(session.account.actor(via: "web"), action: "web.signOut")
            }
            var response = try page("login", loginContext(language: language, error: nil, notice: language.pick("已退出登录。", "Signed out.")), language: language, request: request)
            response.headers[values: .setCookie] = [WebCookie.clear(secure: isSecure(request))]
            return response
        }

        /// A page of a signed-in user; without a live session, the sign-in page (401) in its place,
        /// so signing in comes back to the page asked for.
        @Sendable func signedIn(_ request: Request, _ context: GatewayRequestContext, path: String, _ body: @escaping @Sendable (Actor, Language) async throws -> (String, [String: Any])) async throws -> Response {
            let language = webLanguage(request)
            guard let id = request.cookies[WebCookie.session]?.value, let session = try await store.webSession(id) else {
                var response = try Self.page("login", loginContext(language: language, error: nil, returnTo: path), language: language, request: request)
                response.status = .unauthorized
                return response
            }
            let actor = session.account.actor(via: "web \(context.via)")
            var frame = await pages.frame(actor: actor, csrf: session.csrf, language: language, path: path)
            do {
                let (template, content) = try await body(actor, language)
                frame.merge(content) { _, new in new }
                return try Self.page(template, frame, language: language, request: request)
            } catch let error as ServiceError {
                let status = error.kind.outcome.httpStatus
                frame["title"] = language.pick("无法显示", "Cannot show this page")
                frame["heading"] = frame["title"]
                frame["message"] = Localized.pick(error.message, language)
                frame["back"] = language.pick("返回首页", "Back to the home page")
                var response = try Self.page("message", frame, language: language, request: request)
                response.status = HTTPResponse.Status(code: status)
                return response
            }
        }
        router.get("/") { request, context -> Response in
            try await signedIn(request, context, path: "/") { actor, language in
                ("home", try await pages.area(DashboardPages.home(of: actor), actor: actor, language: language))
            }
        }
        router.get("/townships/:code") { request, context -> Response in
            let code = try context.parameters.require("code")
            return try await signedIn(request, context, path: "/townships/\(code)") { actor, language in
                guard let code = try FormField.code(code, "township", digits: 9) else { throw ServiceError(.requestInvalid, "乡镇代码应为9位数字 (a township code is 9 digits)") }
                return ("home", try await pages.area(.township(code), actor: actor, language: language))
            }
        }
        router.get("/schools/:code") { request, context -> Response in
            let code = try context.parameters.require("code")
            return try await signedIn(request, context, path: "/schools/\(code)") { actor, language in
                guard let code = try FormField.code(code, "school", digits: 10) else { throw ServiceError(.requestInvalid, "学校标识码应为10位数字 (a school code is 10 digits)") }
                return ("home", try await pages.area(.school(code), actor: actor, language: language))
            }
        }
        router.get("/cases/:id") { request, context -> Response in
            let text = try context.parameters.require("id")
            return try await signedIn(request, context, path: "/cases/\(text)") { actor, language in
                guard let id = Int64(text), id > 0 else { throw ServiceError(.requestInvalid, "案件编号应为正整数 (a case id is a positive whole number)") }
                return ("case", try await pages.casePage(id, actor: actor, language: language))
            }
        }
    }

    /// An HTML page with the headers every page gets: a content security policy that allows only
    /// the gateway's own files (no inline script, nothing from elsewhere), no framing, no caching
    /// (pages hold minors' data), and the language cookie when `?lang=` chose one.
    static func page(_ template: String, _ context: [String: Any], language: Language, request: Request) throws -> Response {
        let html = try DashboardRenderer.shipped.get().render(template, context)
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
        if let chosen = request.uri.queryParameters.get("lang") {
            headers[values: .setCookie] = ["baoxue_lang=\(Language(tag: chosen).rawValue); Path=/; Max-Age=31536000; SameSite=Strict"]
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func loginContext(language: Language, error: String?, notice: String? = nil, returnTo: String = "/") -> [String: Any] {
        let other: Language = language == .zh ? .en : .zh
        var context: [String: Any] = [
            "lang": language == .zh ? "zh-CN" : "en", "langCode": language.rawValue, "t": DashboardText.labels(language),
            "otherLanguage": other == .zh ? "zh-CN" : "en", "otherLanguageLabel": other == .zh ? "中文" : "English", "otherLanguageURL": "/login?lang=\(other.rawValue)",
        ]
        context["error"] = error
        context["notice"] = notice
        context["returnTo"] = returnTo
        return context
    }

    /// Where to go after signing in: a path of the dashboard's own (never another site, never the
    /// API), else the home page.
    static func safeReturn(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/api/"), !path.contains("\\"), path.utf8.count <= 100,
              path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return "/" }
        return path
    }

    /// `?lang=` first, then the language cookie; Chinese otherwise.
    static func webLanguage(_ request: Request) -> Language {
        if let chosen = request.uri.queryParameters.get("lang") { return Language(tag: chosen) }
        if let kept = request.cookies["baoxue_lang"]?.value { return Language(tag: kept) }
        return .zh
    }

    /// Whether the browser reached the gateway over TLS (directly or through a proxy that says so).
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// An `application/x-www-form-urlencoded` body of at most 4 KB.
    static func formBody(_ request: Request) async throws -> [String: String] {
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 4_096)
        } catch {
            throw ServiceError(.requestTooLarge, "表单过大 (the form is too large)")
        }
        let text = buffer.readString(length: buffer.readableBytes) ?? ""
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String { String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            if let name = parts.first { fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }
}
