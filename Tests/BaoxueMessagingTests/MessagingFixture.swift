import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Logging
import ZeroMQ

/// A tiny in-process service for messaging tests: a counter table written with the outbox,
/// served over real ZeroMQ sockets on ports the kernel picked (bound to `*`, read back).
struct CounterService {
    let loop = MessageLoop(name: "test-zmq")
    let database: DatabaseQueue
    let publisher: EventPublisher
    let server: RequestServer
    let serving: Task<Void, Never>
    let heartbeating: Task<Void, Never>
    let requests: String
    let events: String

    static let logger = Logger(label: "test")

    init() async throws {
        database = try DatabaseQueue()
        try await database.write { db in
            try Outbox.migrate(db)
            try Outbox.migrateCompaction(db, bodies: [:])
            try RequestJournal.migrate(db)
            try db.execute(sql: "CREATE TABLE counter (n INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO counter (n) VALUES (0)")
        }
        publisher = EventPublisher(publisher: "counter", loop: loop, database: database, logger: Self.logger, heartbeat: .milliseconds(100))
        try await publisher.start(bind: "tcp://127.0.0.1:*")
        events = await publisher.endpoint
        var router = RequestRouter()
        let database = self.database, publisher = self.publisher
        // As ``ServiceKit`` does: requests group-committed, their events published from the writer.
        let commits = GroupCommit(writer: database, writesInline: true, afterCommit: { db in publisher.publishCommitted(db) })
        router.on(CounterService.add) { body, context in
            let total = try await RequestJournal.once(commits, context: context) { db in
                try db.execute(sql: "UPDATE counter SET n = n + ?", arguments: [body.amount])
                let outbox = Outbox(publisher: "counter")
                for index in 0..<body.events {
                    try outbox.append(db, type: "counter.added", topic: "counter.added.\(index % 2)", body: body, actor: context.actor)
                }
                return try Int.fetchOne(db, sql: "SELECT n FROM counter")!
            }
            return total
        }
        router.on(CounterService.slowAdd) { body, context in
            try await RequestJournal.once(commits, context: context) { db in
                try db.execute(sql: "UPDATE counter SET n = n + ?", arguments: [body.amount])
                Thread.sleep(forTimeInterval: Double(body.events) / 1_000)
                return try Int.fetchOne(db, sql: "SELECT n FROM counter")!
            }
        }
        router.on(CounterService.fail) { _, _ -> Int in
            throw ServiceError(ErrorCode("counter.refused", .refused), "拒绝 (refused)")
        }
        EventPublisher.registerReplay(publisher: "counter", on: &router, database: database)
        server = try await RequestServer(loop: loop, bind: "tcp://127.0.0.1:*", router: router, logger: Self.logger)
        requests = server.endpoint
        let server = self.server
        serving = Task { await server.run() }
        heartbeating = Task { await publisher.run() }
    }

    func stop() {
        serving.cancel()
        heartbeating.cancel()
        loop.shutdown()
    }

    struct AddBody: Codable, Sendable {
        var amount: Int
        var events: Int
    }

    /// Adds to the counter, writing `events` events; answers the new total.
    static let add = Message<AddBody, Int>("counter.add")
    /// Adds to the counter and then holds its transaction `events` milliseconds (a slow write).
    static let slowAdd = Message<AddBody, Int>("counter.slowAdd")
    /// Always refused.
    static let fail = Message<EmptyBody, Int>("counter.fail")
}
