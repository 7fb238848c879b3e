import BaoxueContracts
import BaoxueMessaging
import Foundation

/// Alerts of every alerting service (``ServiceName/alerting``): each service keeps its own and
/// answers the same three messages (``AlertMessage``), so one façade lists, shows and
/// acknowledges them all; `service` says whose (the monitor's when not given).
public struct AlertOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor

    public func list(_ query: AlertQuery, service: ServiceName = .monitor, actor: Actor) async throws -> [Alert] {
        try await clients.client(service).call(AlertMessage.list(service), query, actor: actor)
    }

    /// The same list as the service wrote it, for the HTTP answer: passed on, not read and
    /// written again (decision 141).
    public func listJSON(_ query: AlertQuery, service: ServiceName = .monitor, actor: Actor) async throws -> Data {
        try await clients.client(service).relay(AlertMessage.list(service), query, actor: actor)
    }

    public func alert(_ id: Int64, service: ServiceName = .monitor, actor: Actor) async throws -> Alert {
        try await clients.client(service).call(AlertMessage.get(service), RecordID(id: id), actor: actor)
    }

    /// Acknowledges an alert (签收), audited.
    public func acknowledge(_ request: AlertAcknowledgement, service: ServiceName = .monitor, actor: Actor) async throws -> Alert {
        try await auditor.audited(actor, "alert.ack", detail: { "\($0.service) alert \($0.id) \($0.rule.rawValue)" }) {
            try await clients.client(service).call(AlertMessage.acknowledge(service), request, actor: actor)
        }
    }

    /// The alerts `query` finds in every alerting service, service by service (each newest first).
    public func everyService(_ query: AlertQuery, actor: Actor) async throws -> [Alert] {
        var alerts: [Alert] = []
        for service in ServiceName.alerting { alerts += try await list(query, service: service, actor: actor) }
        return alerts
    }
}
