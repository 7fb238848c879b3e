import BaoxueService
import Delivery
import Foundation
import Gateway
import Hummingbird
import Logging
import ServiceLifecycle

/// The gateway's HTTP surface in the benchmark's own process, on a free port: started, waited
/// for until it answers, and shut down gracefully at the end. A server that is only cancelled
/// logs errors below the figures (`bench http` and `bench alerts` both did).
final class BenchHTTPServer: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, running: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.running = running
    }

    /// Starts the server and returns once it answers `GET /openapi.json`.
    static func start(operations: Operations, alerts: AlertHub? = nil, logger: Logger) async throws -> BenchHTTPServer {
        let port = FreePorts.base(count: 1)
        let app = Application(
            router: GatewayHTTP.router(operations: operations, metrics: nil, alerts: alerts), configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let server = BenchHTTPServer(port: port, group: group, running: Task { try await group.run() })
        for _ in 0..<100 where (try? await HTTPProbe.ok("http://127.0.0.1:\(port)/openapi.json")) != true {
            try await Task.sleep(for: .milliseconds(50))
        }
        return server
    }

    /// Shuts the server down: gracefully, or after `patience` by cancelling it (an event stream
    /// a client left open would otherwise keep it waiting).
    func stop(patience: Duration = .seconds(2)) async {
        await group.triggerGracefulShutdown()
        let running = self.running
        let deadline = Task {
            try await Task.sleep(for: patience)
            running.cancel()
        }
        _ = try? await running.value
        deadline.cancel()
    }
}
