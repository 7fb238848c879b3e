import Access
import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import BaoxueTestSupport
import Foundation
import Synchronization
import Gateway

/// Real processes for one test: a registry, a subsidy service and a monitor following it, the
/// care service following the registry and the monitor, optionally the HTTP gateway, and the
/// gateway core (``Operations``) in the test process talking to them over ZeroMQ.
///
/// Each process binds what the kernel gives it (`tcp://127.0.0.1:*`, HTTP port 0) and reports it
/// in its ready file; the monitor is pointed at the registry's endpoints, and `baoxue` commands
/// at both through ``gatewayFlags`` (a gateway configuration naming them). A restarted service
/// binds the endpoints its first run reported, as a service restarted in place keeps its address.
///
/// A test ends with `await cluster.stop()`. One dropped without it (a thrown error, a failed
/// `#require`) sends its processes SIGKILL without waiting and removes its files; they also
/// watch this test process (`BAOXUE_PARENT_PID`), so none outlives the test run.
final class Cluster: Sendable {
    let directory = TemporaryDirectory("baoxue-e2e")
    /// This cluster's place among the few that run at once, taken before its first process.
    let slot: ServiceSetSlot
    /// Where the registry takes requests and publishes events, as it reported.
    let registryEndpoints: (requests: String, events: String)
    /// Where the monitor takes requests and publishes events, as it reported.
    let monitorEndpoints: (requests: String, events: String)
    /// Where the subsidy service takes requests and publishes events, as it reported.
    let subsidyEndpoints: (requests: String, events: String)
    /// The running registry process and how many have been started (a restart replaces it).
    private let registryState: Mutex<(process: ChildProcess, starts: Int)>
    /// The running monitor and how many have been started.
    private let monitorState: Mutex<(process: ChildProcess, starts: Int)>
    /// The running subsidy service and how many have been started.
    private let subsidyState: Mutex<(process: ChildProcess, starts: Int)>
    /// Extra environment for the monitor (its clock, thresholds).
    let monitorEnvironment: [String: String]
    /// Where the care service takes requests and publishes events, as it reported.
    let careEndpoints: (requests: String, events: String)
    /// The running care service and how many have been started.
    private let careState: Mutex<(process: ChildProcess, starts: Int)>
    /// Extra environment for the care service (its clock, limits).
    let careEnvironment: [String: String]
    /// Extra environment for the subsidy service (its clock, batch size).
    let subsidyEnvironment: [String: String]
    /// Extra environment for the registry (its outbox retention).
    let registryEnvironment: [String: String]
    let gateway: ChildProcess?
    let http: HTTPTestClient?
    let operations: Operations

    var registry: ChildProcess { registryState.withLock { $0.process } }
    var monitor: ChildProcess { monitorState.withLock { $0.process } }
    var care: ChildProcess { careState.withLock { $0.process } }
    var subsidy: ChildProcess { subsidyState.withLock { $0.process } }

    init(withGateway: Bool = false, registryEnvironment: [String: String] = [:], monitorEnvironment: [String: String] = [:], subsidyEnvironment: [String: String] = [:], careEnvironment: [String: String] = [:]) async throws {
        slot = await ServiceSetSlot()
        let anyPort = (requests: "tcp://127.0.0.1:*", events: "tcp://127.0.0.1:*")
        self.registryEnvironment = registryEnvironment
        let first = try Cluster.startRegistry(directory: directory, attempt: 0, binding: anyPort, environment: registryEnvironment)
        registryState = Mutex((first, 1))
        registryEndpoints = try await Cluster.endpoints(of: first)
        // The subsidy service first: the monitor follows it (its unmatched school-age children).
        self.subsidyEnvironment = subsidyEnvironment
        let subsidy = try Cluster.startSubsidy(directory: directory, attempt: 0, binding: anyPort, registry: registryEndpoints, environment: subsidyEnvironment)
        subsidyState = Mutex((subsidy, 1))
        subsidyEndpoints = try await Cluster.endpoints(of: subsidy)
        self.monitorEnvironment = monitorEnvironment
        let monitor = try Cluster.startMonitor(directory: directory, attempt: 0, binding: anyPort, registry: registryEndpoints, subsidy: subsidyEndpoints, environment: monitorEnvironment)
        monitorState = Mutex((monitor, 1))
        monitorEndpoints = try await Cluster.endpoints(of: monitor)
        self.careEnvironment = careEnvironment
        let care = try Cluster.startCare(directory: directory, attempt: 0, binding: anyPort, registry: registryEndpoints, monitor: monitorEndpoints, environment: careEnvironment)
        careState = Mutex((care, 1))
        careEndpoints = try await Cluster.endpoints(of: care)
        let config = try directory.write("gateway.yaml", Data("""
            # The services of this test's cluster, where they reported binding.
            gateway:
              registry: "\(registryEndpoints.requests)"
              monitor: "\(monitorEndpoints.requests)"
              monitorEvents: "\(monitorEndpoints.events)"
              subsidy: "\(subsidyEndpoints.requests)"
              subsidyEvents: "\(subsidyEndpoints.events)"
              care: "\(careEndpoints.requests)"
              careEvents: "\(careEndpoints.events)"
            """.utf8))
        let gatewayData = directory.file("gateway")
        operations = Operations(
            clients: try await ServiceClients(configuration: try await ServiceConfiguration(service: "gateway", configFile: config), dataDirectory: gatewayData),
            access: try AccessStore(dataDirectory: gatewayData))
        try await Cluster.waitUntilUp(operations, registry: first)
        try await Cluster.waitForMonitor(operations, monitor: monitor)
        try await Cluster.waitForSubsidy(operations, subsidy: subsidy)
        try await Cluster.waitFor(.care, operations, process: care)
        if withGateway {
            let gateway = try ChildProcess("baoxue", ["serve", "--http", "127.0.0.1:0", "--config", config, "--data", gatewayData], log: directory.file("gateway.log"))
            guard let address = try await gateway.ready()["http"] else { throw ChildProcess.StartFailure(reason: "the gateway reported no http address", log: gateway.output) }
            let client = HTTPTestClient(base: "http://\(address)", token: try operations.accessStore.add(NewUser(name: "operator-http", role: .countyOperator)).token)
            try await client.waitUntilOK("/healthz")
            self.gateway = gateway
            http = client
        } else {
            gateway = nil
            http = nil
        }
    }

    /// Flags for `baoxue` commands run against this cluster: the configuration naming its
    /// services' endpoints, and its gateway data directory (users and the audit log).
    var gatewayFlags: [String] { ["--config", directory.file("gateway.yaml"), "--data", directory.file("gateway")] }

    static func startRegistry(directory: TemporaryDirectory, attempt: Int, binding: (requests: String, events: String), environment: [String: String]) throws -> ChildProcess {
        try ChildProcess(
            "baoxue-registry", ["--data", directory.file("data"), "--requests", binding.requests, "--events", binding.events],
            log: directory.file("registry-\(attempt).log"), environment: environment)
    }

    static func startMonitor(directory: TemporaryDirectory, attempt: Int, binding: (requests: String, events: String), registry: (requests: String, events: String), subsidy: (requests: String, events: String), environment: [String: String]) throws -> ChildProcess {
        // Sweeps every second, so time rules show without waiting five minutes.
        let following = [
            "MONITOR_SWEEP_SECONDS": "1", "MONITOR_REGISTRY": registry.requests, "MONITOR_REGISTRY_EVENTS": registry.events,
            "MONITOR_SUBSIDY": subsidy.requests, "MONITOR_SUBSIDY_EVENTS": subsidy.events,
        ]
        return try ChildProcess(
            "baoxue-monitor", ["--data", directory.file("data"), "--requests", binding.requests, "--events", binding.events],
            log: directory.file("monitor-\(attempt).log"), environment: following.merging(environment) { $1 })
    }

    static func startCare(directory: TemporaryDirectory, attempt: Int, binding: (requests: String, events: String), registry: (requests: String, events: String), monitor: (requests: String, events: String), environment: [String: String]) throws -> ChildProcess {
        // Sweeps every second, so the 14-day rules show without waiting five minutes.
        let following = [
            "CARE_SWEEP_SECONDS": "1", "CARE_REGISTRY": registry.requests, "CARE_REGISTRY_EVENTS": registry.events,
            "CARE_MONITOR": monitor.requests, "CARE_MONITOR_EVENTS": monitor.events,
        ]
        return try ChildProcess(
            "baoxue-care", ["--data", directory.file("data"), "--requests", binding.requests, "--events", binding.events],
            log: directory.file("care-\(attempt).log"), environment: following.merging(environment) { $1 })
    }

    /// `kill -9` of the care service.
    func killCare() async { await care.kill() }

    func restartCare() async throws {
        let restarted = try careState.withLock { state in
            state = (try Cluster.startCare(directory: directory, attempt: state.starts, binding: careEndpoints, registry: registryEndpoints, monitor: monitorEndpoints, environment: careEnvironment), state.starts + 1)
            return state.process
        }
        _ = try await restarted.ready()
        try await Cluster.waitFor(.care, operations, process: restarted)
    }

    /// Waits until `service` answers `service.status`.
    static func waitFor(_ service: ServiceName, _ operations: Operations, process: ChildProcess) async throws {
        let answers = try await eventually(within: .seconds(60), every: .milliseconds(100)) {
            await operations.services.status(actor: .system).first(where: { $0.service == service.rawValue })?.health != nil
        }
        if !answers { throw ServiceError.unavailable("\(service) (log: \(process.output))") }
    }

    static func startSubsidy(directory: TemporaryDirectory, attempt: Int, binding: (requests: String, events: String), registry: (requests: String, events: String), environment: [String: String]) throws -> ChildProcess {
        // Sweeps every second, so coverage alerts show without waiting five minutes.
        let following = ["SUBSIDY_SWEEP_SECONDS": "1", "SUBSIDY_REGISTRY": registry.requests, "SUBSIDY_REGISTRY_EVENTS": registry.events]
        return try ChildProcess(
            "baoxue-subsidy", ["--data", directory.file("data"), "--requests", binding.requests, "--events", binding.events],
            log: directory.file("subsidy-\(attempt).log"), environment: following.merging(environment) { $1 })
    }

    /// The endpoints a service process reported binding.
    static func endpoints(of process: ChildProcess) async throws -> (requests: String, events: String) {
        let reported = try await process.ready()
        guard let requests = reported["requests"], let events = reported["events"] else {
            throw ChildProcess.StartFailure(reason: "the ready file lacks requests or events: \(reported)", log: process.output)
        }
        return (requests, events)
    }

    /// `kill -9` of the monitor.
    func killMonitor() async { await monitor.kill() }

    func restartMonitor() async throws {
        let restarted = try monitorState.withLock { state in
            state = (try Cluster.startMonitor(directory: directory, attempt: state.starts, binding: monitorEndpoints, registry: registryEndpoints, subsidy: subsidyEndpoints, environment: monitorEnvironment), state.starts + 1)
            return state.process
        }
        _ = try await restarted.ready()
        try await waitForMonitor()
    }

    func waitForMonitor() async throws {
        try await Cluster.waitForMonitor(operations, monitor: monitor)
    }

    static func waitForMonitor(_ operations: Operations, monitor: ChildProcess) async throws {
        let answers = try await eventually(within: .seconds(60), every: .milliseconds(100)) {
            await operations.services.status(actor: .system).first(where: { $0.service == "monitor" })?.health != nil
        }
        if !answers { throw ServiceError.unavailable("monitor (log: \(monitor.output))") }
    }

    /// `kill -9` of the subsidy service.
    func killSubsidy() async { await subsidy.kill() }

    func restartSubsidy() async throws {
        let restarted = try subsidyState.withLock { state in
            state = (try Cluster.startSubsidy(directory: directory, attempt: state.starts, binding: subsidyEndpoints, registry: registryEndpoints, environment: subsidyEnvironment), state.starts + 1)
            return state.process
        }
        _ = try await restarted.ready()
        try await Cluster.waitForSubsidy(operations, subsidy: restarted)
    }

    static func waitForSubsidy(_ operations: Operations, subsidy: ChildProcess) async throws {
        let answers = try await eventually(within: .seconds(60), every: .milliseconds(100)) {
            await operations.services.status(actor: .system).first(where: { $0.service == "subsidy" })?.health != nil
        }
        if !answers { throw ServiceError.unavailable("subsidy (log: \(subsidy.output))") }
    }

    /// `kill -9`: no shutdown, no flush beyond what SQLite already committed.
    func killRegistry() async { await registry.kill() }

    func restartRegistry() async throws {
        let restarted = try registryState.withLock { state in
            state = (try Cluster.startRegistry(directory: directory, attempt: state.starts, binding: registryEndpoints, environment: registryEnvironment), state.starts + 1)
            return state.process
        }
        _ = try await restarted.ready()
        try await waitForRegistry()
    }

    func waitForRegistry() async throws {
        try await Cluster.waitUntilUp(operations, registry: registry)
    }

    static func waitUntilUp(_ operations: Operations, registry: ChildProcess) async throws {
        let answers = try await eventually(within: .seconds(60), every: .milliseconds(100)) {
            await operations.services.status(actor: .system).first?.health != nil
        }
        if !answers { throw ServiceError.unavailable("registry (log: \(registry.output))") }
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

    /// Stops the gateway, the care and subsidy services, the monitor and the registry (SIGTERM,
    /// then SIGKILL after a bound), waiting without blocking a thread, then removes the files.
    func stop() async {
        await gateway?.terminate()
        await care.terminate()
        await subsidy.terminate()
        await monitor.terminate()
        await registry.terminate()
        directory.remove()
        slot.release()
    }

    deinit {
        // The processes get SIGKILL as they are released (``ChildProcess``); the files go now.
        directory.remove()
    }
}
