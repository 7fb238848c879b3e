import BaoxueService
import Foundation

/// A real executable started by a test, with its output captured to a file. Tests end it with
/// ``terminate(grace:)`` or ``kill()`` (SIGKILL, for crash tests), both awaited without blocking
/// a thread; one dropped while still running is sent SIGKILL without waiting.
///
/// Every product started here watches this test process (`BAOXUE_PARENT_PID`), so a test run that
/// crashes or is killed leaves no service behind, and may report what it bound to
/// ``readyFile`` (`BAOXUE_READY_FILE`): ``ready(within:)`` reads it.
public final class ChildProcess: Sendable {
    private let process: SpawnedProcess
    public let logPath: String
    /// Where the process writes what it bound, once serving (``ReadyFile``).
    public let readyFile: String

    /// Starts `name` from ``BuiltProducts`` with `arguments`; with `prefix`, runs the product
    /// under another command (`ip netns exec NS`).
    public init(_ name: String, _ arguments: [String], log: String, environment: [String: String] = [:], prefix: [String] = []) throws {
        let (executable, fullArguments) = productCommand(name, arguments, prefix: prefix)
        readyFile = log + ".ready"
        try? FileManager.default.removeItem(atPath: readyFile)
        process = try SpawnedProcess(
            executable: executable, arguments: fullArguments, environment: productEnvironment([ReadyFile.environmentKey: readyFile].merging(environment) { $1 }),
            output: log, error: log)
        logPath = log
    }

    public var pid: Int32 { process.pid }
    public var isRunning: Bool { process.isRunning }

    /// What the process reported once serving: `requests` and `events` from a service, `http`
    /// from `baoxue serve`.
    /// - Throws: when the process exits first or nothing comes within `within`, with its log.
    public func ready(within: Duration = .seconds(60)) async throws -> [String: String] {
        var values: [String: String]?
        let reported = try await eventually(within: within) {
            values = ReadyFile.read(readyFile)
            if values == nil, let status = process.terminationStatus { throw StartFailure(reason: "exited with status \(status)", log: output) }
            return values != nil
        }
        guard reported, let values else { throw StartFailure(reason: "did not report ready within \(within)", log: output) }
        return values
    }

    /// Sends `signal` (SIGSTOP and SIGCONT freeze and resume a service around a request).
    public func signal(_ signal: Int32) {
        process.send(signal)
    }

    /// `kill -9`, then waits until the process is gone.
    public func kill() async {
        process.send(SIGKILL)
        _ = await process.exited(within: .seconds(30))
    }

    /// SIGTERM, then SIGKILL if it has not stopped within `grace`; returns once it is gone.
    public func terminate(grace: Duration = .seconds(10)) async {
        await process.stop(grace: grace)
    }

    public var output: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    deinit {
        // The fallback when a test ended before stopping it (a thrown error): never wait here.
        process.send(SIGKILL)
    }

    /// A product that never became ready, with its log.
    public struct StartFailure: Error, CustomStringConvertible {
        public var reason: String
        public var log: String
        public var description: String { "\(reason); log:\n\(log)" }

        public init(reason: String, log: String) {
            self.reason = reason
            self.log = log
        }
    }
}

/// The result of running a command to completion.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs an executable from ``BuiltProducts`` to completion, as a person at a terminal would.
public func runProduct(_ name: String, _ arguments: [String], environment: [String: String] = [:], prefix: [String] = [], timeout: Duration = .seconds(120)) async throws -> CommandResult {
    let (executable, fullArguments) = productCommand(name, arguments, prefix: prefix)
    return try await run(executable, fullArguments, environment: productEnvironment(environment), timeout: timeout)
}

/// Runs any executable (`/usr/bin/env python3 …`) to completion with this process's environment
/// plus `environment`.
public func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(120)) async throws -> CommandResult {
    try await run(executable, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, timeout: timeout)
}

/// Runs a command with its output captured, waiting without blocking a thread (a few blocked
/// threads of Swift's cooperative pool stalled every other test on a 2-core machine); past
/// `timeout` it is stopped (SIGTERM, then SIGKILL) and its status says so.
private func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Duration) async throws -> CommandResult {
    let directory = TemporaryDirectory("baoxue-run")
    defer { directory.remove() }
    let outPath = directory.file("out"), errPath = directory.file("err")
    let process = try SpawnedProcess(executable: executable, arguments: arguments, environment: environment, output: outPath, error: errPath)
    if await !process.exited(within: timeout) {
        await process.stop(grace: .seconds(5))
    }
    return CommandResult(
        status: await process.exit(),
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// A test's products run with this process's environment plus `extra`, minus what would tie them
/// to the developer's own installation: a `BAOXUE_TOKEN` from their shell, and the `./data`
/// directory (whose keys and users `make run` made). `GATEWAY_DATA` points at a directory of this
/// test run instead; a `--data` flag still wins. Each watches this process (``ParentWatch``).
func productEnvironment(_ extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["BAOXUE_TOKEN"] = nil
    environment[ReadyFile.environmentKey] = nil
    environment["GATEWAY_DATA"] = testGatewayData
    environment[ParentWatch.environmentKey] = String(getpid())
    environment.merge(extra) { $1 }
    return environment
}

/// One gateway data directory per test process, for commands that name none, removed when the
/// process exits (each `make test` used to leave one in the temporary directory).
let testGatewayData: String = {
    atexit { try? FileManager.default.removeItem(atPath: testGatewayDataPath()) }
    return testGatewayDataPath()
}()

private func testGatewayDataPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-test-gateway-\(getpid())").path
}

/// The command for a built product, run directly or under `prefix` (`ip netns exec NS`).
func productCommand(_ name: String, _ arguments: [String], prefix: [String]) -> (executable: String, arguments: [String]) {
    if let command = prefix.first {
        return (command, Array(prefix.dropFirst()) + [BuiltProducts.path(name)] + arguments)
    }
    return (BuiltProducts.path(name), arguments)
}
