import Metrics
import Prometheus
import Synchronization

/// The process's Prometheus registry, bootstrapped into swift-metrics once: `serve`, `up` and the
/// benchmark may each build a gateway, but a process has one metrics system.
enum GatewayMetrics {
    private static let registry = Mutex<PrometheusCollectorRegistry?>(nil)

    static func shared() -> PrometheusCollectorRegistry {
        registry.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            registry = created
            return created
        }
    }
}
