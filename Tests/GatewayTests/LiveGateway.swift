import BaoxueService
import BaoxueTestSupport
import Foundation
import Hummingbird
import Logging

@testable import Gateway

/// The gateway's HTTP router served on a loopback port in this process, over the in-process
/// registry and monitor: tests talk to it with a real HTTP client, as any other program would.
/// A test ends with `await gateway.stop()`; one dropped without it (a thrown error) stops the
/// server and the services without waiting.
final class LiveGateway: Sendable {
    let registry: InProcessServices
    let server: LoopbackHTTPServer
    let client: HTTPTestClient

    init() async throws {
        registry = try await InProcessServices()
        server = try await LoopbackHTTPServer(router: GatewayHTTP.router(operations: registry.operations, metrics: nil), label: "gateway-test")
        client = HTTPTestClient(base: server.base, token: try registry.token(.countyOperator))
    }

    /// Stops serving, then the services; returns once both have.
    func stop() async {
        await server.stop()
        await registry.stop()
    }

    deinit {
        server.cancel()
    }
}
