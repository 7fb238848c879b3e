import BaoxueTestSupport
import Foundation
import Testing

/// A client in another language, written only from docs/protocol.md, against the real registry.
@Suite struct PythonClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("protocol/registry_client.py").path

    @Test(.enabled("pyzmq is not installed (make deps installs it)") { await Python.has("zmq") })
    func aPythonClientCallsAndFollowsTheRegistry() async throws {
        let cluster = try await Cluster()
        let run = try await runCommand("/usr/bin/env", ["python3", Self.script, cluster.registryEndpoints.requests, cluster.registryEndpoints.events], timeout: .seconds(60))
        let log = run.stdout + run.stderr
        #expect(run.status == 0, "\(log)")
        #expect(log.contains(" passed, 0 failed"), "\(log)")
        await cluster.stop()
    }
}
