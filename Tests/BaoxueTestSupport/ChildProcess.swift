import Foundation

/// A real executable started by a test, with its output captured to a file. Tests end it with
/// ``terminate()`` or ``kill()`` (SIGKILL, for crash tests).
public final class ChildProcess: Sendable {
    private let process: Process
    public let logPath: String

    /// Starts `name` from ``BuiltProducts`` with `arguments`; with `prefix`, runs the product
    /// under another command (`ip netns exec NS`).
    public init(_ name: String, _ arguments: [String], log: String, environment: [String: String] = [:], prefix: [String] = []) throws {
        let process = productProcess(name, arguments, prefix: prefix)
        process.environment = productEnvironment(environment)
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        logPath = log
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    public var output: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    deinit {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
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
    let process = productProcess(name, arguments, prefix: prefix)
    process.environment = productEnvironment(environment)
    let directory = TemporaryDirectory("baoxue-run")
    defer { directory.remove() }
    let outPath = directory.file("out"), errPath = directory.file("err")
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
        if ContinuousClock.now > deadline {
            process.terminate()
            break
        }
        try await Task.sleep(for: .milliseconds(20))
    }
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// A process for a built product, run directly or under `prefix` (`ip netns exec NS`).
/// A test's products run with this process's environment plus `extra`, minus what would tie them
/// to the developer's own installation: a `BAOXUE_TOKEN` from their shell, and the `./data`
/// directory (whose keys and users `make run` made). `GATEWAY_DATA` points at a directory of this
/// test run instead; a `--data` flag still wins.
func productEnvironment(_ extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["BAOXUE_TOKEN"] = nil
    environment["GATEWAY_DATA"] = testGatewayData
    environment.merge(extra) { $1 }
    return environment
}

/// One gateway data directory per test process, for commands that name none.
let testGatewayData = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-test-gateway-\(ProcessInfo.processInfo.processIdentifier)").path

func productProcess(_ name: String, _ arguments: [String], prefix: [String]) -> Process {
    let process = Process()
    if let command = prefix.first {
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = Array(prefix.dropFirst()) + [BuiltProducts.path(name)] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path(name))
        process.arguments = arguments
    }
    return process
}
