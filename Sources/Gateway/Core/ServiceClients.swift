import BaoxueMessaging
import BaoxueService
import ZeroMQ

/// The gateway's connections to the services: one message loop, one request client per service.
/// Connecting never waits for a service; calls do, up to their retry policy.
public final class ServiceClients: Sendable {
    public let loop: MessageLoop
    public let registry: RequestClient
    public let ports: PortPlan

    /// - Parameter registryCurve: this gateway's key pair and the registry's public key, when the
    ///   registry speaks CurveZMQ (it must when it binds beyond loopback).
    public init(registryEndpoint: String, ports: PortPlan, registryCurve: CurveRole? = nil) async throws {
        loop = MessageLoop(name: "gateway-zmq")
        registry = try await RequestClient(loop: loop, endpoint: registryEndpoint, service: "registry", curve: registryCurve)
        self.ports = ports
    }

    public convenience init(ports: PortPlan) async throws {
        try await self.init(registryEndpoint: ports.requests("registry"), ports: ports)
    }

    deinit {
        loop.shutdown()
    }
}
