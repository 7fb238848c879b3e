import BaoxueContracts
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

    /// Connects to each service at the endpoint `endpoint` names for it.
    public init(ports: PortPlan, endpoint: (ServiceName) -> ServiceEndpoint) async throws {
        let loop = MessageLoop(name: "gateway-zmq")
        self.loop = loop
        func client(_ service: ServiceName) async throws -> RequestClient {
            let target = endpoint(service)
            return try await RequestClient(loop: loop, endpoint: target.requests, service: service.rawValue, curve: target.curve)
        }
        registry = try await client(.registry)
        monitor = try await client(.monitor)
        monitorCurve = endpoint(.monitor).curve
        self.ports = ports
    }

    /// Every service on the port plan, plain (loopback without keys).
    public convenience init(ports: PortPlan) async throws {
        try await self.init(ports: ports) { ServiceEndpoint(requests: ports.requests($0)) }
    }

    /// Every service on the port plan, with an installation's keys.
    public convenience init(ports: PortPlan, keys: CurveKeySet) async throws {
        try await self.init(ports: ports) { service in
            ServiceEndpoint(requests: ports.requests(service), curve: .client(keys.gateway, serverPublicKey: keys.publicKey(of: service)))
        }
    }

    /// Each service by name, for health probes.
    public var all: [(name: ServiceName, client: RequestClient)] {
        [(.registry, registry), (.monitor, monitor)]
    }

    deinit {
        loop.shutdown()
    }
}
