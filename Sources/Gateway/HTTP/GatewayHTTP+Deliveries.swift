import BaoxueContracts
import Delivery
import Hummingbird

/// `GET /api/v1/alerts/deliveries` and `POST /api/v1/alerts/deliveries/{id}/resend`: what was
/// pushed to which webhook, and another try for what failed. Webhooks themselves are managed on
/// the gateway's host (`baoxue webhook`), where their keys live.
extension GatewayHTTP {
    static func addDeliveryRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations, alerts: AlertHub?) {
        /// The store, or 503 from a router built without it (tests, a gateway that does not
        /// follow alerts).
        @Sendable func hub() throws -> AlertHub {
            guard let alerts else {
                throw ServiceError(.serviceUnavailable, "此网关未启用预警推送 (this gateway does not deliver alerts; use baoxue serve or up)")
            }
            return alerts
        }
        api.get("alerts/deliveries") { request, context -> Response in
            let actor = try actor(request, context)
            let query = try DeliveryListForm(query: { parameter(request, $0) }).query()
            return try JSONResponse.make(try await operations.deliveries.deliveries(query, queue: try hub().deliveries, actor: actor))
        }
        api.post("alerts/deliveries/:id/resend") { request, context -> Response in
            let actor = try actor(request, context)
            let hub = try hub()
            let record = try await operations.deliveries.resendDelivery(id: try recordID(context), queue: hub.deliveries, actor: actor)
            hub.doorbell.ring()
            return try JSONResponse.make(record)
        }
    }
}
