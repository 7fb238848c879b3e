import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// Two hosts on one machine: the registry in one network namespace, the gateway's CLI in another,
/// joined by a veth pair that the test makes and removes. Across that link the registry speaks
/// CurveZMQ and serves only the gateway's key.
@Suite(.serialized) struct TwoHostCurveTests {
    /// Network namespaces need root and iproute2; CI runs as root.
    static var canMakeHosts: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip")
    }

    static func ip(_ arguments: String) throws {
        let process = try SpawnedProcess(executable: "/usr/sbin/ip", arguments: arguments.split(separator: " ").map(String.init), environment: ProcessInfo.processInfo.environment, output: nil, error: nil)
        guard process.waitBlocking() == 0 else { throw CocoaError(.executableLoad, userInfo: ["ip": arguments]) }
    }

    @Test(.enabled(if: canMakeHosts, "needs root and iproute2 to make network namespaces"))
    func aGatewayOnAnotherHostIsServedOnlyWithItsKey() async throws {
        let tag = String(UInt32.random(in: 0..<0xFFFF), radix: 16)
        let registryHost = "bx-reg-\(tag)", gatewayHost = "bx-gw-\(tag)"
        let subnet = "10.213.\(Int.random(in: 1...250))"
        defer {
            try? Self.ip("netns del \(registryHost)")
            try? Self.ip("netns del \(gatewayHost)")
        }
        try Self.ip("netns add \(registryHost)")
        try Self.ip("netns add \(gatewayHost)")
        try Self.ip("link add va\(tag) type veth peer name vb\(tag)")
        try Self.ip("link set va\(tag) netns \(registryHost)")
        try Self.ip("link set vb\(tag) netns \(gatewayHost)")
        try Self.ip("-n \(registryHost) addr add \(subnet).1/30 dev va\(tag)")
        try Self.ip("-n \(gatewayHost) addr add \(subnet).2/30 dev vb\(tag)")
        for (host, device) in [(registryHost, "va\(tag)"), (gatewayHost, "vb\(tag)")] {
            try Self.ip("-n \(host) link set \(device) up")
            try Self.ip("-n \(host) link set lo up")
        }

        let directory = TemporaryDirectory("baoxue-two-hosts")
        defer { directory.remove() }
        let keys = DotEnv.parse(try await runProduct("baoxue", ["keys", "generate", "--env"]).stdout)
        let registry = try ChildProcess(
            "baoxue-registry", ["--data", directory.file("data"), "--requests", "tcp://\(subnet).1:5550", "--events", "tcp://\(subnet).1:5551"],
            log: directory.file("registry.log"), environment: keys.filter { $0.key.hasPrefix("REGISTRY_") },
            prefix: ["/usr/sbin/ip", "netns", "exec", registryHost])

        let remote = ["GATEWAY_REGISTRY": "tcp://\(subnet).1:5550"]
        let gatewayKeys = keys.filter { $0.key.hasPrefix("GATEWAY_") }.merging(remote) { $1 }
        let onGatewayHost = ["/usr/sbin/ip", "netns", "exec", gatewayHost]
        var served = CommandResult(status: -1, stdout: "", stderr: "")
        _ = try await eventually(within: .seconds(30), every: .milliseconds(300)) {
            served = try await runProduct("baoxue", ["services", "status", "--service", "registry", "--json"], environment: gatewayKeys, prefix: onGatewayHost)
            return served.status == 0
        }
        #expect(served.status == 0, "\(served.stderr) \(registry.output)")
        #expect(served.stdout.contains("\"registry\""))

        // The same host, the same address, but no key or somebody else's key: nothing.
        let plain = try await runProduct("baoxue", ["services", "status", "--service", "registry"], environment: remote, prefix: onGatewayHost)
        #expect(plain.status == 3)
        let other = try await runProduct("baoxue", ["keys", "generate", "--env"])
        var strangerKeys = remote.merging(DotEnv.parse(other.stdout).filter { $0.key.hasPrefix("GATEWAY_CURVE") }) { $1 }
        strangerKeys["GATEWAY_REGISTRY_PUBLIC_KEY"] = keys["GATEWAY_REGISTRY_PUBLIC_KEY"]
        let stranger = try await runProduct("baoxue", ["services", "status", "--service", "registry"], environment: strangerKeys, prefix: onGatewayHost)
        #expect(stranger.status == 3)
        await registry.terminate()
    }
}
