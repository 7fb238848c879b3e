import BaoxueContracts
import BaoxueService
import Foundation
import Logging

/// Starts each service as its own process and restarts one that dies, with a growing pause
/// (1 s doubling to 30 s) so a service that crashes at start-up does not spin. Output goes to
/// `<logs>/<name>.log`. Each child watches this process (`BAOXUE_PARENT_PID`) and stops when it
/// is gone.
public actor ServiceSupervisor {
    private struct Running {
        var spec: ChildSpec
        var process: SpawnedProcess?
        var restarts = 0
        var startedAt = ContinuousClock.now
    }

    private var children: [String: Running] = [:]
    private var stopping = false
    private let logs: URL
    private let logger: Logger

    public init(children: [ChildSpec], logs: URL, logger: Logger) {
        for spec in children { self.children[spec.name] = Running(spec: spec) }
        self.logs = logs
        self.logger = logger
    }

    public func start() throws {
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        for name in children.keys.sorted() { try spawn(name) }
    }

    /// The pid of each running child (for status and tests).
    public var pids: [String: Int32] {
        children.compactMapValues { $0.process?.isRunning == true ? $0.process?.pid : nil }
    }

    /// Sends SIGTERM to every child and waits up to 10 s for each, then SIGKILL.
    public func stop() async {
        stopping = true
        for (_, child) in children {
            child.process?.send(SIGTERM)
        }
        for (name, child) in children {
            guard let process = child.process else { continue }
            if await !process.exited(within: .seconds(10)) {
                logger.warning("service did not stop; killing", metadata: ["service": "\(name)"])
                process.send(SIGKILL)
                _ = await process.exited(within: .seconds(10))
            }
        }
    }

    private func spawn(_ name: String) throws {
        guard var child = children[name] else { return }
        let logPath = logs.appendingPathComponent("\(name).log").path
        let process = try SpawnedProcess(
            executable: child.spec.executable, arguments: child.spec.arguments, environment: Self.environment(for: child.spec),
            output: logPath, error: logPath, append: true)
        // Told when it exits: a waiting task per child, so a death is noticed within a few
        // milliseconds and the restart's back-off starts from it.
        Task { [weak self] in
            let status = await process.exit()
            await self?.exited(name, status: status, process: process)
        }
        child.process = process
        child.startedAt = .now
        children[name] = child
        logger.info("service started", metadata: ["service": "\(name)", "pid": "\(process.pid)"])
    }

    /// A child's environment: this process's, the spec's on top, and this process as the parent
    /// it watches (``ParentWatch``), so a supervisor killed with SIGKILL leaves no service running.
    /// A ready file asked of this process is not the child's to write.
    static func environment(for spec: ChildSpec) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.merging(spec.environment) { $1 }
        environment[ParentWatch.environmentKey] = String(getpid())
        environment[ReadyFile.environmentKey] = nil
        return environment
    }

    private func exited(_ name: String, status: Int32, process: SpawnedProcess) async {
        guard !stopping, var child = children[name], child.process === process else { return }
        // A child that ran for a minute is healthy again: start its back-off from the beginning.
        if ContinuousClock.now - child.startedAt > .seconds(60) { child.restarts = 0 }
        let pause = min(30.0, pow(2.0, Double(child.restarts)))
        child.restarts += 1
        children[name] = child
        logger.warning("service exited; restarting", metadata: ["service": "\(name)", "status": "\(status)", "in": "\(pause)s"])
        try? await Task.sleep(for: .seconds(pause))
        guard !stopping else { return }
        do { try spawn(name) } catch {
            logger.error("service could not be restarted", metadata: ["service": "\(name)", "error": "\(error)"])
        }
    }
}
