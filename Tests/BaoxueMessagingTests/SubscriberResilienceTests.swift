import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// Nothing an event or a publisher does ends a subscriber: an event that fails to apply is
/// retried with a pause while the subscriber says why, and a publisher restored to an earlier
/// point is followed from there instead of being skipped.
@Suite struct SubscriberResilienceTests {
    /// How many more times the poisoned event fails.
    final class FailureBudget: Sendable {
        let left: Mutex<Int>
        init(_ count: Int) { left = Mutex(count) }
        func take() -> Bool { left.withLock { left in defer { left -= 1 }; return left > 0 } }
    }

    /// A sink that records each event's body by sequence number (a replaced row when the same
    /// number comes again from a restored publisher), and fails on `poisoned` while `failures`
    /// lasts.
    static func sink(_ database: DatabaseQueue, poisoned: Int64, failures: FailureBudget) throws -> SQLiteEventSink {
        try database.write { db in
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS applied (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        }
        return SQLiteEventSink(writer: database, publisher: "counter") { db, event in
            if event.seq == poisoned, failures.take() {
                throw ServiceError(.internal, "cannot apply event \(event.seq)")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO applied (seq, body) VALUES (?, ?)", arguments: [event.seq, String(decoding: event.body, as: UTF8.self)])
        }
    }

    @Test func aFailingEventIsRetriedWhileTheSubscriberSaysWhy() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let database = try DatabaseQueue()
        let failures = FailureBudget(3)
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let subscriber = EventSubscriber(
            publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: try Self.sink(database, poisoned: 3, failures: failures),
            logger: CounterService.logger, heartbeatTimeout: .milliseconds(300))
        let running = Task { try await subscriber.run() }
        defer { running.cancel() }
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 5), actor: .system)

        let sawProblem = try await eventually(within: .seconds(10), every: .milliseconds(20)) { await subscriber.status.problem != nil }
        #expect(sawProblem)
        let problem = await subscriber.status.problem ?? ""
        #expect(problem.contains("event 3"), "\(problem)")
        #expect(await subscriber.status.cursor < 3)
        // It keeps trying, with pauses, and gets through once the event applies.
        await subscriber.waitUntilApplied(5)
        #expect(await subscriber.status.problem == nil)
        #expect(try await database.read { try Int64.fetchAll($0, sql: "SELECT seq FROM applied ORDER BY seq") } == [1, 2, 3, 4, 5])
        #expect(failures.left.withLock { $0 } <= 0)
        // Still running: the next event is applied as it comes.
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 1), actor: .system)
        await subscriber.waitUntilApplied(6)
    }

    @Test func aPublisherRestoredToAnEarlierPointIsFollowedFromThere() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let database = try DatabaseQueue()
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let subscriber = EventSubscriber(
            publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: try Self.sink(database, poisoned: 0, failures: FailureBudget(0)),
            logger: CounterService.logger, heartbeatTimeout: .milliseconds(300))
        let running = Task { try await subscriber.run() }
        defer { running.cancel() }
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 10), actor: .system)
        await subscriber.waitUntilApplied(10)

        // The publisher's database goes back to event 4, as a restore from a backup would.
        try await service.database.write { db in try db.execute(sql: "DELETE FROM outbox WHERE seq > 4") }
        // A generous bound: the heartbeat that shows the publisher went back can come late on a busy host.
        let backInTime = try await eventually(within: .seconds(60), every: .milliseconds(20)) { await subscriber.status.cursor == 4 }
        let status = await subscriber.status
        #expect(backInTime, "the subscriber follows the publisher back: \(status)")
        // Its new events 5, 6 and 7 are applied, not skipped as already seen.
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 100, events: 3), actor: .system)
        await subscriber.waitUntilApplied(7)
        let bodies = try await database.read { try String.fetchAll($0, sql: "SELECT body FROM applied WHERE seq BETWEEN 5 AND 7 ORDER BY seq") }
        let after = await subscriber.status
        #expect(bodies.count == 3 && bodies.allSatisfy { $0.contains("100") }, "\(bodies) \(after)")
        #expect(await subscriber.status.diverged == false)
    }
}
