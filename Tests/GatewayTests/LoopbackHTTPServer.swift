import Hummingbird
import Logging

/// A Hummingbird application served on 127.0.0.1 at a port the kernel picks (port 0), for the
/// few tests that need a real socket: the port is read back when the server runs
/// (`onServerRunning`), so nothing probes for a free port and nothing polls for readiness.
struct LoopbackHTTPServer: Sendable {
    /// The bound port.
    let port: Int
    private let serving: Task<Void, any Error>

    /// Starts serving `router` and returns once it listens.
    /// - Throws: what the server threw when it could not start.
    init<Context: RequestContext>(router: Router<Context>, label: String = "http-test") async throws where Context.Source == ApplicationRequestContextSource {
        let (bound, reporter) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                reporter.yield(channel.localAddress?.port ?? 0)
                reporter.finish()
            },
            logger: Logger(label: label))
        serving = Task {
            defer { reporter.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var ports = bound.makeAsyncIterator()
        guard let port = await ports.next() else {
            try await serving.value
            throw CancellationError()
        }
        self.port = port
    }

    /// `http://127.0.0.1:<port>`.
    var base: String { "http://127.0.0.1:\(port)" }

    /// Stops serving and waits until the server has closed.
    func stop() async {
        serving.cancel()
        _ = await serving.result
    }

    /// Stops serving without waiting: the fallback for a test that ended early.
    func cancel() {
        serving.cancel()
    }
}
