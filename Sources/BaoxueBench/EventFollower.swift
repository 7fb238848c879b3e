import BaoxueMessaging
import BaoxueService
import GRDB
import Gateway
import Logging
import ZeroMQ

/// A subscriber to the registry's events with its own SQLite cursor: what every service that
/// follows the registry does, used by the benchmark to measure "all followers caught up".
struct EventFollower {
    let subscriber: EventSubscriber
    let task: Task<Void, any Error>

    static func start(ports: PortPlan, loop: MessageLoop, path: String, logger: Logger) async throws -> EventFollower {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: "CREATE TABLE seen (topic TEXT PRIMARY KEY, count INTEGER NOT NULL)")
        }
        let database = try ServiceDatabase.open(path: path, migrator: migrator)
        let sink = SQLiteEventSink(writer: database, publisher: "registry") { db, event in
            let kind = event.header.type
            // Prepared once per connection, as a service's own apply statements are: compiling
            // it for every event cost the follower more than the events themselves.
            try db.cachedStatement(sql: "INSERT INTO seen (topic, count) VALUES (?, 1) ON CONFLICT(topic) DO UPDATE SET count = count + 1").execute(arguments: [kind])
        }
        let requests = try await RequestClient(loop: loop, endpoint: ports.requests(.registry), service: "registry")
        let subscriber = EventSubscriber(publisher: "registry", loop: loop, eventsEndpoint: ports.events(.registry), requests: requests, sink: sink, logger: logger)
        let task = Task { try await subscriber.run() }
        return EventFollower(subscriber: subscriber, task: task)
    }
}
