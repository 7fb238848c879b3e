import BaoxueContracts
import Delivery
import HTTPTypes
import Hummingbird

/// `GET /api/v1/alerts/stream`: the caller's alerts as Server-Sent Events.
extension GatewayHTTP {
    static func addAlertStream(to api: RouterGroup<GatewayRequestContext>, operations: Operations, alerts: AlertHub?, keepAlive: Duration) {
        api.get("alerts/stream") { request, context -> Response in
            let actor = try actor(request, context)
            guard let alerts else {
                throw ServiceError(.serviceUnavailable, "此网关未订阅预警 (this gateway does not follow alerts; use baoxue serve or up)")
            }
            // A township user gets exactly their township, a school user their school; a county
            // user all, or one township with ?township=.
            let (township, school) = try AccessScope(actor).narrow(township: try FormField.code(parameter(request, "township"), "township", digits: 9), school: nil)
            let schoolScope = AccessScope(actor).school
            let header = request.headers[HTTPField.Name("Last-Event-ID")!] ?? request.uri.queryParameters.get("lastEventId")
            var lastEventID: Int64?
            if let header, !header.isEmpty {
                guard let value = Int64(header), value >= 0 else {
                    throw ServiceError(.requestInvalid, "Last-Event-ID应为上次收到的事件编号 (Last-Event-ID must be the id of the last event received)", problems: [FieldProblem(field: "Last-Event-ID", reason: "a whole number")])
                }
                lastEventID = value
            }
            var stream = AlertEventStream(hub: alerts, township: township, school: school ?? schoolScope, lastEventID: lastEventID, keepAlive: keepAlive)
            // The token is checked on every request; a stream is one long request, so its token
            // is checked again while it runs, and a disabled user or rotated token ends it.
            // The dashboard's stream is signed in by its session cookie: the session is checked
            // the same way, so signing out or a rotated token ends it too.
            let token = BearerAuthMiddleware.token(in: request)
            let session = token == nil ? request.cookies[WebCookie.session]?.value : nil
            stream.stillAllowed = {
                var again: Actor?
                if let token {
                    again = try? await operations.access.authenticate(token: token, via: actor.via)
                } else if let session {
                    again = (try? await operations.accessStore.webSession(session))?.account.actor(via: actor.via)
                }
                guard let again else { return false }
                return again.user == actor.user && again.role == actor.role
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"],
                body: stream.body)
        }
    }
}
