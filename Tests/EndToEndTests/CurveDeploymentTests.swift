import BaoxueTestSupport
import Foundation
import Testing

/// A registry bound beyond loopback speaks CurveZMQ or does not start; with the keys from
/// `baoxue keys generate --env`, the gateway's CLI is served and a client without them is not.
@Suite(.serialized) struct CurveDeploymentTests {
    @Test func aRegistryBoundBeyondLoopbackRefusesToStartWithoutKeys() async throws {
        let directory = TemporaryDirectory("baoxue-curve")
        defer { directory.remove() }
        let result = try await runProduct("baoxue-registry", ["--data", directory.file("data"), "--requests", "tcp://0.0.0.0:*", "--events", "tcp://127.0.0.1:*"], timeout: .seconds(30))
        #expect(result.status == 1)
        #expect(result.stderr.contains("CurveZMQ"))
    }

    @Test func keysFromKeysGenerateLetTheGatewayInAndNobodyElse() async throws {
        let directory = TemporaryDirectory("baoxue-curve")
        defer { directory.remove() }
        let generated = try await runProduct("baoxue", ["keys", "generate", "--env"])
        #expect(generated.status == 0)
        // Quoted as compose and a shell need them (Z85 has `$`, `#`, `(`), read as they read them.
        let lines = generated.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { line in line.contains("='") && line.hasSuffix("'") })
        let environment = DotEnv.parse(generated.stdout)
        // The gateway: its pair and each service's public key; each service: its pair, its
        // clients, and the public key of each service it follows.
        // (+1: the monitor follows the subsidy service too, so it holds that service's public key.)
        let expected = 2 + 4 + 3 + 4 + 4 + 5 + 1
        #expect(environment.count == expected)
        let registryEnvironment = environment.filter { $0.key.hasPrefix("REGISTRY_") }
        let gatewayEnvironment = environment.filter { $0.key.hasPrefix("GATEWAY_") }

        let registry = try ChildProcess(
            "baoxue-registry", ["--data", directory.file("data"), "--requests", "tcp://0.0.0.0:*", "--events", "tcp://0.0.0.0:*"],
            log: directory.file("registry.log"), environment: registryEnvironment)
        // Bound to every address; reached here on loopback, at the port it reports.
        let bound = try #require(try await registry.ready()["requests"])
        let loopback = ["GATEWAY_REGISTRY": bound.replacingOccurrences(of: "0.0.0.0", with: "127.0.0.1")]

        var served = CommandResult(status: -1, stdout: "", stderr: "")
        _ = try await eventually(within: .seconds(30), every: .milliseconds(200)) {
            served = try await runProduct("baoxue", ["services", "status", "--service", "registry"], environment: gatewayEnvironment.merging(loopback) { $1 })
            return served.status == 0
        }
        #expect(served.status == 0, "\(registry.output)")
        let stranger = try await runProduct("baoxue", ["services", "status", "--service", "registry"], environment: loopback)
        #expect(stranger.status == 3)
        await registry.terminate()
    }
}
