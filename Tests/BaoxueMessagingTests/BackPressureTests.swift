import BaoxueContracts
import BaoxueMessaging
import Foundation
import Testing
import ZeroMQ

/// A consumer that does not keep up costs bounded memory: the loop stops reading its socket at
/// the limit, libzmq's high-water marks push back on the sender, and nothing is lost once the
/// consumer reads again.
@Suite struct BackPressureTests {
    @Test func aSlowConsumerHoldsAtMostTheLimitAndLosesNothing() async throws {
        let receiving = MessageLoop(name: "slow-consumer", receiveLimit: 500)
        let sending = MessageLoop(name: "fast-sender")
        defer {
            receiving.shutdown()
            sending.shutdown()
        }
        let (server, messages) = try await receiving.open(SocketSpec(type: .router, bind: ["tcp://127.0.0.1:*"], highWaterMark: 1_000))
        let endpoint = try #require(await receiving.lastEndpoint(of: server))
        let (client, _) = try await sending.open(SocketSpec(type: .dealer, connect: [endpoint], highWaterMark: 1_000))
        let total = 20_000
        let payload = Data(repeating: 0x61, count: 1_024)
        for index in 0..<total { sending.send([Data("\(index)".utf8), payload], on: client) }

        // Nobody reads: the loop hands over at most the limit (plus one batch) and stops.
        try await Task.sleep(for: .milliseconds(500))
        #expect(messages.waiting <= 500 + 500, "\(messages.waiting) messages held for a consumer that does not read")

        // Reading again, every message arrives, in order.
        var received = 0
        var last = -1
        for await batch in messages {
            for frames in batch {
                let index = Int(String(decoding: frames[1], as: UTF8.self)) ?? -1
                #expect(index == last + 1)
                last = index
                received += 1
            }
            #expect(messages.waiting <= 1_000)
            if received == total { break }
        }
        #expect(received == total)
    }
}
