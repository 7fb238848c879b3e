import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// A publisher put back from a backup on its own (its subscribers not): the new history its
/// restore starts sends them back to where it now ends, so the events it writes next, under
/// numbers they applied before, are applied and not skipped (decision 127).
@Suite struct RestoredHistoryTests {
    @Test func aSubscriberAppliesWhatARestoredPublisherWritesUnderNumbersItHadSeen() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let store = try DatabaseQueue()
        let sink = try CompactionTests.stateSink(store)
        let subscriber = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: sink, logger: CounterService.logger)
        let running = Task { try await subscriber.run() }
        defer { running.cancel() }
        // Ten rounds (a setting and a note each: events 1–20), all applied.
        try await CompactionTests.write(service.database, names: ["a"], rounds: 1...10)
        await service.publisher.wake()
        await subscriber.waitUntilApplied(20)

        // The publisher is put back to its state after round 6 (event 12), and writes five new
        // rounds before the subscriber hears of it: events 13–22, ten of them under numbers the
        // subscriber has applied.
        try await service.database.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE seq > 12")
            try Outbox.startNewHistory(db)
        }
        try await CompactionTests.write(service.database, names: ["a"], rounds: 101...105)
        await service.publisher.wake()

        // The subscriber goes back to 12 and applies all ten: the five new notes are there, and
        // the setting holds the last value written.
        let caughtUp = try await eventually(within: .seconds(20)) {
            let state = try await CompactionTests.state(store)
            return state.contains("a=105") && (101...105).allSatisfy { state.contains("round \($0)") }
        }
        let state = try await CompactionTests.state(store)
        #expect(caughtUp, "\(state)")
        #expect(await subscriber.status.cursor == 22)
    }
}
