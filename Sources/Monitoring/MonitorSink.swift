import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Where the registry's events go: the replica and the rules, in the transaction that moves the
/// subscription's cursor, then a wake for the publisher so alerts leave at once.
struct MonitorSink: EventSink {
    let sink: SQLiteEventSink
    let publisher: EventPublisher

    init(database: DatabasePool, store: MonitorStore, publisher: EventPublisher) {
        sink = SQLiteEventSink(writer: database, publisher: "registry") { db, event in
            try store.apply(db, event, today: store.settings.today())
        }
        self.publisher = publisher
    }

    func cursor() async throws -> Int64 { try await sink.cursor() }

    func apply(_ events: [ReceivedEvent]) async throws -> Int64 {
        let cursor = try await sink.apply(events)
        await publisher.wake()
        return cursor
    }
}
