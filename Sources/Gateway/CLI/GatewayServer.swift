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

    static func application(operations: Operations, address: HTTPAddress, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: GatewayHTTP.router(operations: operations, metrics: metricsRegistry()),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "baoxue"),
            logger: logger)
    }
}
