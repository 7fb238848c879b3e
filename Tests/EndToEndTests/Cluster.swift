import Access
import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import BaoxueTestSupport
import Foundation
import Synchronization
import Gateway

/// Real processes on free ports for one test: a registry, a monitor following it, optionally the
/// HTTP gateway, and the gateway core (``Operations``) in the test process talking to them over
/// ZeroMQ.
final class Cluster: Sendable {
    let directory = TemporaryDirectory("baoxue-e2e")
    let ports = PortPlan(base: FreePorts.base(count: PortPlan.width))
    /// The running registry process and how many have been started (a restart replaces it).
    private let registryState: Mutex<(process: ChildProcess, starts: Int)>
    /// The running monitor and how many have been started.
    private let monitorState: Mutex<(process: ChildProcess, starts: Int)>
    /// Extra environment for the monitor (its clock, thresholds).
    let monitorEnvironment: [String: String]
    let gateway: ChildProcess?
    let http: HTTPTestClient?
    let operations: Operations

    var registry: ChildProcess { registryState.withLock { $0.process } }
    var monitor: ChildProcess { monitorState.withLock { $0.process } }

    init(withGateway: Bool = false, monitorEnvironment: [String: String] = [:]) async throws {
        let first = try Cluster.startRegistry(ports: ports, directory: directory, attempt: 0)
        registryState = Mutex((first, 1))
        self.monitorEnvironment = monitorEnvironment
        monitorState = Mutex((try Cluster.startMonitor(ports: ports, directory: directory, attempt: 0, environment: monitorEnvironment), 1))
        operations = Operations(clients: try await ServiceClients(ports: ports), access: try AccessStore(dataDirectory: directory.file("gateway")))
        try await Cluster.waitUntilUp(operations, registry: first)
        try await Cluster.waitForMonitor(operations, monitor: monitorState.withLock { $0.process })
        if withGateway {
            let httpPort = FreePorts.base(count: 1)
            gateway = try ChildProcess("baoxue", ["serve", "--port-base", String(ports.base), "--data", directory.file("gateway"), "--http", "127.0.0.1:\(httpPort)"], log: directory.file("gateway.log"))
            let client = HTTPTestClient(base: "http://127.0.0.1:\(httpPort)", token: try operations.accessStore.add(NewUser(name: "operator-http", role: .countyOperator)).token)
            try await client.waitUntilOK("/healthz")
            http = client
        } else {
            gateway = nil
            http = nil
        }
    }

    static func startRegistry(ports: PortPlan, directory: TemporaryDirectory, attempt: Int) throws -> ChildProcess {
        try ChildProcess("baoxue-registry", ["--port-base", String(ports.base), "--data", directory.file("data")], log: directory.file("registry-\(attempt).log"))
    }

    /// Flags for `baoxue` commands run against this cluster: its ports and its gateway data
    /// directory (users and the audit log).
    static func startMonitor(ports: PortPlan, directory: TemporaryDirectory, attempt: Int, environment: [String: String]) throws -> ChildProcess {
        // Sweeps every second, so time rules show without waiting five minutes.
        try ChildProcess("baoxue-monitor", ["--port-base", String(ports.base), "--data", directory.file("data")], log: directory.file("monitor-\(attempt).log"), environment: ["MONITOR_SWEEP_SECONDS": "1"].merging(environment) { $1 })
    }

    /// `kill -9` of the monitor.
    func killMonitor() { monitor.kill() }

    func restartMonitor() async throws {
        try monitorState.withLock { state in
            state = (try Cluster.startMonitor(ports: ports, directory: directory, attempt: state.starts, environment: monitorEnvironment), state.starts + 1)
        }
        try await waitForMonitor()
    }

    func waitForMonitor() async throws {
        try await Cluster.waitForMonitor(operations, monitor: monitor)
    }

    static func waitForMonitor(_ operations: Operations, monitor: ChildProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await operations.services.status(actor: .system).first(where: { $0.service == "monitor" })?.health != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServiceError.unavailable("monitor (log: \(monitor.output))")
    }

    var portFlags: [String] { ["--port-base", String(ports.base), "--data", directory.file("gateway")] }

    /// `kill -9`: no shutdown, no flush beyond what SQLite already committed.
    func killRegistry() { registry.kill() }

    func restartRegistry() async throws {
        try registryState.withLock { state in
            state = (try Cluster.startRegistry(ports: ports, directory: directory, attempt: state.starts), state.starts + 1)
        }
        try await waitForRegistry()
    }

    func waitForRegistry() async throws {
        try await Cluster.waitUntilUp(operations, registry: registry)
    }

    static func waitUntilUp(_ operations: Operations, registry: ChildProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await operations.services.status(actor: .system).first?.health != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServiceError.unavailable("registry (log: \(registry.output))")
    }

    func health() async throws -> ServiceHealth {
        guard let health = await operations.services.status(actor: .system).first?.health else { throw ServiceError.unavailable("registry") }
        return health
    }

    /// Every event in the registry's outbox, by replay, as a client catching up would get them.
    func replayAll() async throws -> [ReceivedEvent] {
        var events: [ReceivedEvent] = []
        var after: Int64 = 0
        while true {
            let reply = try await operations.clients.registry.send(type: "registry.replay", body: try WireCoding.encode(ReplayRequest(after: after, limit: 5_000)), actor: .system)
            let batch = try reply.decodeBody(ReplayBatch.self)
            var index = 0
            while index + 3 <= reply.extra.count {
                if let event = ReceivedEvent(frames: reply.extra[index..<index + 3]) { events.append(event) }
                index += 3
            }
            guard let last = events.last, batch.count > 0, last.seq < batch.lastSeq else { return events }
            after = last.seq
        }
    }

    func stop() {
        gateway?.terminate()
        monitor.terminate()
        registry.terminate()
        directory.remove()
    }
}
