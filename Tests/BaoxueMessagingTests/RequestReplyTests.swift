import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing
import ZeroMQ

@Suite struct RequestReplyTests {
    @Test func callReturnsTheTypedAnswer() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let total: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 2, events: 0), actor: .system)
        #expect(total == 2)
    }

    @Test func aRetriedRequestIsAppliedOnce() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let id = MessageID.make()
        let first: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 5, events: 1), actor: .system, requestID: id)
        let again: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 5, events: 1), actor: .system, requestID: id)
        #expect(first == 5)
        #expect(again == 5)
        #expect(try await service.database.read { try Outbox.lastSeq($0) } == 1)
    }

    @Test func errorsCarryTheirStableCode() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        await #expect(throws: ServiceError(ErrorCode("counter.refused", .refused), "拒绝 (refused)")) {
            let _: Int = try await client.call(CounterService.fail, EmptyBody(), actor: .system)
        }
        let unknown = try await client.send(type: "counter.nope", body: Data("{}".utf8), actor: .system)
        #expect(unknown.replyError?.code == .requestUnknownType)
        let malformedBody = try await client.send(type: "counter.add", body: Data("{\"amount\":\"x\"}".utf8), actor: .system)
        #expect(malformedBody.replyError?.code == .requestMalformed)
        #expect(malformedBody.replyError?.message.contains("amount") == true)
    }

    @Test func malformedFramesGetAnErrorAndTheServiceKeepsServing() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let (socket, replies) = try await service.loop.open(SocketSpec(type: .dealer, connect: [service.requests]))
        var iterator = replies.makeAsyncIterator()
        service.loop.send([Data(), Data("not json".utf8), Data()], on: socket)
        let reply = try #require(await iterator.next()?.first)
        let envelope = try Envelope(frames: reply.dropFirst())
        #expect(envelope.replyError?.code == .requestMalformed)

        var header = MessageHeader(type: "counter.add", actor: .system)
        header.v = 99
        service.loop.send([Data(), try WireCoding.encode(header), Data("{}".utf8)], on: socket)
        let versionReply = try Envelope(frames: try #require(await iterator.next()?.first).dropFirst())
        #expect(versionReply.replyError?.code == .requestUnsupportedVersion)

        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let total: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 0), actor: .system)
        #expect(total == 1)
    }

    @Test func aServiceThatNeverAnswersIsUnavailable() async throws {
        let loop = MessageLoop()
        defer { loop.shutdown() }
        let nobody = ClosedPort()
        let client = try await RequestClient(loop: loop, endpoint: nobody.endpoint, service: "ghost")
        await #expect(throws: ServiceError.unavailable("ghost", requestID: "ghost-1")) {
            _ = try await client.send(type: "x", body: Data("{}".utf8), actor: .system, requestID: "ghost-1", policy: .init(timeout: .milliseconds(100), attempts: 2, grace: .milliseconds(100)))
        }
        nobody.close()
    }
}

extension RequestReplyTests {
    @Test func aRequestIDReusedForADifferentRequestIsRefused() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let id = MessageID.make()
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 0), actor: .system, requestID: id)
        await #expect(throws: ServiceError.self) {
            let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 2, events: 0), actor: .system, requestID: id)
        }
        let total: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 0, events: 0), actor: .system)
        #expect(total == 1)
    }
}

extension RequestReplyTests {
    /// A cancelled caller stops waiting at once, even when it was cancelled before its request
    /// went out, instead of sitting out every timeout.
    @Test func aCancelledCallEndsAtOnce() async throws {
        let loop = MessageLoop()
        defer { loop.shutdown() }
        let nobody = ClosedPort()
        defer { nobody.close() }
        let client = try await RequestClient(loop: loop, endpoint: nobody.endpoint, service: "ghost")
        let started = ContinuousClock.now
        let call = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await client.send(type: "x", body: Data("{}".utf8), actor: .system, policy: .init(timeout: .seconds(60), attempts: 3))
        }
        await #expect(throws: CancellationError.self) { try await call.value }
        let late = Task { _ = try await client.send(type: "x", body: Data("{}".utf8), actor: .system, policy: .init(timeout: .seconds(60), attempts: 3)) }
        try await Task.sleep(for: .milliseconds(100))
        late.cancel()
        await #expect(throws: CancellationError.self) { try await late.value }
        // Far below one 60 s timeout, let alone three. Not tighter: when every suite starts at
        // once on two cores, this test alone is held up for up to 20 s (alone it takes 0.1 s).
        #expect(ContinuousClock.now - started < .seconds(45))
    }
}
