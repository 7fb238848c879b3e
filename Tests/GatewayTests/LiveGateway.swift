import BaoxueService
import BaoxueTestSupport
import Foundation
import Hummingbird
import Logging

@testable import Gateway

/// The gateway's HTTP router served on a free loopback port in this process, over the in-process
/// registry: tests talk to it with a real HTTP client, as any other program would.
struct LiveGateway {
    let registry: InProcessServices
    let serving: Task<Void, any Error>
    let client: HTTPTestClient

    init() async throws {
        registry = try await InProcessServices()
        let port = FreePorts.base(count: 1)
        let app = Application(
            router: GatewayHTTP.router(operations: registry.operations, metrics: nil),
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            logger: Logger(label: "gateway-test"))
        serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        client = HTTPTestClient(base: "http://127.0.0.1:\(port)", token: try registry.token(.countyOperator))
        try await client.waitUntilOK("/openapi.json")
    }

    func stop() {
        serving.cancel()
        registry.stop()
    }
}
