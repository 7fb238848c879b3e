import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import ZeroMQ

/// The gateway's connections to the services an installation runs (``ServiceName/deployed``):
/// one message loop, one request client per service. Connecting never waits for a service; calls
/// do, up to their retry policy.
public final class ServiceClients: Sendable {
    public let loop: MessageLoop
    public let ports: PortPlan
    private let clients: [ServiceName: RequestClient]
    private let endpoints: [ServiceName: ServiceEndpoint]

    /// Connects to each service at the endpoint `endpoint` names for it.
    public init(ports: PortPlan, endpoint: (ServiceName) -> ServiceEndpoint) async throws {
        let loop = MessageLoop(name: "gateway-zmq")
        self.loop = loop
        self.ports = ports
        var clients: [ServiceName: RequestClient] = [:]
        var endpoints: [ServiceName: ServiceEndpoint] = [:]
        for service in ServiceName.deployed {
            let target = endpoint(service)
            endpoints[service] = target
            clients[service] = try await RequestClient(loop: loop, endpoint: target.requests, service: service.rawValue, curve: target.curve)
        }
        self.clients = clients
        self.endpoints = endpoints
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

    /// The client of a deployed service.
    public func client(_ service: ServiceName) -> RequestClient {
        // Every deployed service gets a client in `init`; a service that is not deployed has no
        // routes, operations or commands that could ask for one.
        clients[service]!
    }

    /// How `service` is reached (its keys), for a subscription to its events beside the requests.
    public func curve(_ service: ServiceName) -> CurveRole? { endpoints[service]?.curve }

    public var registry: RequestClient { client(.registry) }
    public var monitor: RequestClient { client(.monitor) }
    public var subsidy: RequestClient { client(.subsidy) }

    /// Each deployed service by name, in port-plan order, for health probes.
    public var all: [(name: ServiceName, client: RequestClient)] {
        ServiceName.deployed.map { ($0, client($0)) }
    }

    deinit {
        loop.shutdown()
    }
}
