import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import Testing
import ZeroMQ

@Suite struct CurveTests {
    static let echo = Message<[String: String], [String: String]>("echo")

    @Test func onlyAllowedClientKeysAreServed() async throws {
        let server = try CurveKeyPair.generate()
        let allowed = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let serverLoop = MessageLoop(name: "curve-server", allowedClientKeys: [allowed.publicKey])
        defer { serverLoop.shutdown() }
        var router = RequestRouter()
        router.on(Self.echo) { body, _ in body }
        let service = try await RequestServer(loop: serverLoop, bind: "tcp://127.0.0.1:*", router: router, logger: CounterService.logger, curve: server)
        let endpoint = service.endpoint
        let serving = Task { await service.run() }
        defer { serving.cancel() }

        let clientLoop = MessageLoop(name: "curve-client")
        defer { clientLoop.shutdown() }
        let quick = RequestClient.Policy(timeout: .milliseconds(300), attempts: 2, grace: .milliseconds(100))

        let friend = try await RequestClient(loop: clientLoop, endpoint: endpoint, service: "echo", curve: .client(allowed, serverPublicKey: server.publicKey))
        let echoed: [String: String] = try await friend.call(Self.echo, ["hello": "世界"], actor: .system, policy: .init(timeout: .seconds(5), attempts: 1))
        #expect(echoed == ["hello": "世界"])

        let unknown = try await RequestClient(loop: clientLoop, endpoint: endpoint, service: "echo", curve: .client(stranger, serverPublicKey: server.publicKey))
        await #expect(throws: ServiceError.unavailable("echo", requestID: "unknown")) {
            let _: [String: String] = try await unknown.call(Self.echo, ["x": "y"], actor: .system, requestID: "unknown", policy: quick)
        }
        let plain = try await RequestClient(loop: clientLoop, endpoint: endpoint, service: "echo")
        await #expect(throws: ServiceError.unavailable("echo", requestID: "plain")) {
            let _: [String: String] = try await plain.call(Self.echo, ["x": "y"], actor: .system, requestID: "plain", policy: quick)
        }
        let wrongServerKey = try await RequestClient(loop: clientLoop, endpoint: endpoint, service: "echo", curve: .client(allowed, serverPublicKey: stranger.publicKey))
        await #expect(throws: ServiceError.unavailable("echo", requestID: "wrongServerKey")) {
            let _: [String: String] = try await wrongServerKey.call(Self.echo, ["x": "y"], actor: .system, requestID: "wrongServerKey", policy: quick)
        }
    }

    @Test(arguments: [
        ("tcp://127.0.0.1:5550", true), ("tcp://localhost:5550", true), ("inproc://x", true),
        ("tcp://0.0.0.0:5550", false), ("tcp://10.1.2.3:5550", false), ("tcp://*:5550", false),
    ])
    func nonLoopbackBindsNeedKeys(endpoint: String, loopback: Bool) throws {
        #expect(BindPolicy.isLoopback(endpoint) == loopback)
        if loopback {
            try BindPolicy.check(endpoint, curve: nil)
        } else {
            #expect(throws: ServiceError.self) { try BindPolicy.check(endpoint, curve: nil) }
            try BindPolicy.check(endpoint, curve: try CurveKeyPair.generate())
        }
    }
}
