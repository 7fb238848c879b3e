import BaoxueTestSupport
import Foundation
import Testing

/// A client in another language, written only from docs/protocol.md, against the real registry.
@Suite struct PythonClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("protocol/registry_client.py").path

    @Test(.enabled(if: Python.has("zmq"), "pyzmq is not installed (make deps installs it)"))
    func aPythonClientCallsAndFollowsTheRegistry() async throws {
        let cluster = try await Cluster()
        defer { cluster.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, String(cluster.ports.base)]
        let output = cluster.directory.file("python.log")
        FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let log = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains(" passed, 0 failed"), "\(log)")
    }
}
