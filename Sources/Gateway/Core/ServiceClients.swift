import BaoxueMessaging
import BaoxueService
import ZeroMQ

/// The gateway's connections to the services: one message loop, one request client per service.
/// Connecting never waits for a service; calls do, up to their retry policy.
public final class ServiceClients: Sendable {
    public let loop: MessageLoop
    public let registry: RequestClient
    public let monitor: RequestClient
    /// How the monitor is reached, for the alert follower's subscription (same keys).
    public let monitorCurve: CurveRole?
    public let ports: PortPlan

    public init(registry: ServiceEndpoint, monitor: ServiceEndpoint, ports: PortPlan) async throws {
        loop = MessageLoop(name: "gateway-zmq")
        self.registry = try await RequestClient(loop: loop, endpoint: registry.requests, service: "registry", curve: registry.curve)
        self.monitor = try await RequestClient(loop: loop, endpoint: monitor.requests, service: "monitor", curve: monitor.curve)
        monitorCurve = monitor.curve
        self.ports = ports
    }

    /// Every service on the port plan, plain (loopback without keys).
    public convenience init(ports: PortPlan) async throws {
        try await self.init(registry: ServiceEndpoint(requests: ports.requests(.registry)), monitor: ServiceEndpoint(requests: ports.requests(.monitor)), ports: ports)
    }

    /// Every service on the port plan, with an installation's keys.
    public convenience init(ports: PortPlan, keys: CurveKeySet) async throws {
        try await self.init(
            registry: ServiceEndpoint(requests: ports.requests(.registry), curve: .client(keys.gateway, serverPublicKey: keys.registry.publicKey)),
            monitor: ServiceEndpoint(requests: ports.requests(.monitor), curve: .client(keys.gateway, serverPublicKey: keys.monitor.publicKey)),
            ports: ports)
    }

    /// Each service by name, for health probes.
    public var all: [(name: String, client: RequestClient)] {
        [("registry", registry), ("monitor", monitor)]
    }

    deinit {
        loop.shutdown()
    }
}
