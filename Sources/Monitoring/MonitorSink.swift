import BaoxueContracts
import BaoxueMessaging
import GRDB

/// Where the registry's events go: the replica and the rules, in the transaction that moves the
/// subscription's cursor, then a wake for the publisher so alerts leave at once.
enum MonitorSink {
    static func make(database: DatabasePool, store: MonitorStore, publisher: EventPublisher) -> SQLiteEventSink {
        SQLiteEventSink(writer: database, publisher: "registry", apply: { db, event in
            try store.apply(db, event, today: store.settings.today())
        }, afterCommit: { _ in await publisher.wake() })
    }
}
