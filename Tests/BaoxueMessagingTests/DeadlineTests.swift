import BaoxueContracts
import BaoxueMessaging
import Foundation
import Testing
import ZeroMQ

/// A request's deadline travels in its header, and a service never applies a request after it:
/// refused unread when it arrives late, rolled back when the deadline passes while it runs.
@Suite struct DeadlineTests {
    /// Sends one request with `deadline` in its header and returns the reply.
    static func send(_ service: CounterService, type: String = "counter.add", deadline: String?, body: String = #"{"amount":1,"events":0}"#) async throws -> Envelope {
        let (socket, replies) = try await service.loop.open(SocketSpec(type: .dealer, connect: [service.requests]))
        defer { service.loop.close(socket) }
        var iterator = replies.makeAsyncIterator()
        let header = MessageHeader(type: type, actor: .system, deadline: deadline)
        service.loop.send([Data(), try WireCoding.encode(header), Data(body.utf8)], on: socket)
        let reply = try #require(await iterator.next()?.first)
        return try Envelope(frames: reply.dropFirst())
    }

    static func counter(_ service: CounterService) async throws -> Int {
        try await service.database.read { db in try Int.fetchOne(db, sql: "SELECT n FROM counter")! }
    }

    @Test func aRequestPastItsDeadlineIsRefusedUnread() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let late = try await Self.send(service, deadline: Timestamp.iso8601(milliseconds: Timestamp.nowMilliseconds() - 1_000))
        #expect(late.replyError?.code == .requestExpired)
        #expect(late.replyError?.kind == .unavailable)
        #expect(try await Self.counter(service) == 0)
        let inTime = try await Self.send(service, deadline: Timestamp.iso8601(milliseconds: Timestamp.nowMilliseconds() + 5_000))
        #expect(inTime.replyError == nil)
        #expect(try await Self.counter(service) == 1)
    }

    @Test func aDeadlineThatIsNotATimeIsMalformed() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        for bad in ["tomorrow", "2026-13-01T00:00:00.000Z", "1e19"] {
            let reply = try await Self.send(service, deadline: bad)
            #expect(reply.replyError?.code == .requestMalformed, "\(bad)")
            #expect(reply.replyError?.message.contains("header.deadline") == true)
        }
        #expect(try await Self.counter(service) == 0)
    }

    @Test func aWriteWhoseDeadlinePassesWhileItRunsIsRolledBack() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let reply = try await Self.send(
            service, type: "counter.slowAdd", deadline: Timestamp.iso8601(milliseconds: Timestamp.nowMilliseconds() + 100), body: #"{"amount":7,"events":400}"#)
        #expect(reply.replyError?.code == .requestExpired)
        #expect(try await Self.counter(service) == 0)
    }

    @Test func theClientsDeadlineIsItsBudget() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        // The request holds its transaction past the client's whole budget: the client says
        // unavailable, and the service rolled the write back, so nothing is applied later.
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        await #expect(throws: ServiceError.self) {
            let _: Int = try await client.call(
                CounterService.slowAdd, CounterService.AddBody(amount: 3, events: 1_500), actor: .system, policy: .init(timeout: .milliseconds(300), attempts: 2, grace: .milliseconds(200)))
        }
        try await Task.sleep(for: .seconds(1))
        #expect(try await Self.counter(service) == 0)
    }

    @Test func anOperationDoneAgainUnderItsKeyRepeatsItsRequestIDs() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        func operation() async throws -> [Int] {
            // Two writes of one type, as an operation might make: the n-th call keeps its id.
            let first: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 0), actor: .system)
            let second: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 10, events: 0), actor: .system)
            return [first, second]
        }
        let once = try await RequestScope.$current.withValue(RequestScope(key: "k1")) { try await operation() }
        let twice = try await RequestScope.$current.withValue(RequestScope(key: "k1")) { try await operation() }
        #expect(once == [1, 11] && twice == [1, 11])
        #expect(try await Self.counter(service) == 11)
        let other = try await RequestScope.$current.withValue(RequestScope(key: "k2")) { try await operation() }
        #expect(other == [12, 22])
        // The same key for a different request: the service refuses it rather than answer.
        await #expect(throws: ServiceError.self) {
            try await RequestScope.$current.withValue(RequestScope(key: "k1")) {
                let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 5, events: 0), actor: .system)
            }
        }
    }

    @Test func headerNumbersOutOfRangeAreRefusedNotTrapped() {
        for seq in ["1e19", "-1", "1.5", "\"7\"", "9223372036854775808"] {
            let header = Data(#"{"v":1,"type":"registry.student.changed","id":"x","seq":\#(seq),"publisher":"registry"}"#.utf8)
            #expect(ReceivedEvent(frames: [Data("registry.student".utf8), header, Data("{}".utf8)][...]) == nil, "\(seq)")
        }
        let version = Data(#"{"v":1e30,"type":"t","id":"x","seq":1}"#.utf8)
        #expect(ReceivedEvent(frames: [Data("t".utf8), version, Data("{}".utf8)][...]) == nil)
        let fine = Data(#"{"v":1,"type":"t","id":"x","seq":42}"#.utf8)
        #expect(ReceivedEvent(frames: [Data("t".utf8), fine, Data("{}".utf8)][...])?.seq == 42)
    }
}
