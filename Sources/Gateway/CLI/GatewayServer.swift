import BaoxueService
import Delivery
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization

/// Builds the HTTP application over ``Operations`` and bootstraps metrics once per process.
enum GatewayServer {
    private static let metrics = Mutex<PrometheusCollectorRegistry?>(nil)

    static func metricsRegistry() -> PrometheusCollectorRegistry {
        metrics.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            registry = created
            return created
        }
    }

    static func application(operations: Operations, address: HTTPAddress, logger: Logger, alerts: AlertHub?) -> some ApplicationProtocol {
        Application(
            router: GatewayHTTP.router(operations: operations, metrics: metricsRegistry(), alerts: alerts),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "baoxue"),
            logger: logger)
    }

    /// The alert feed in the data directory and the follower of the monitor's events that fills
    /// it (`gateway.monitorEvents`, default the port plan), with the monitor's keys.
    static func alertFollower(operations: Operations, configuration: ServiceConfiguration, dataDirectory: String, logger: Logger) throws -> (AlertHub, AlertFollower) {
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: dataDirectory))
        let events = configuration.reader.string(forKey: "gateway.monitorEvents") ?? operations.clients.ports.events(.monitor)
        let follower = AlertFollower(
            feed: hub.feed, broadcaster: hub.broadcaster, loop: operations.clients.loop, requests: operations.clients.monitor,
            eventsEndpoint: events, curve: operations.clients.monitorCurve, logger: logger, doorbell: hub.doorbell)
        return (hub, follower)
    }
}
