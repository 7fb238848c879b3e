import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Logging
import Testing

/// Outbox compaction (decision 125): superseded state events go, history stays, numbers keep
/// their meaning, and a subscriber that starts on a compacted outbox ends with the same state as
/// one that saw every event.
@Suite struct CompactionTests {
    /// A thing's whole state: compactable by its name.
    struct Setting: Codable, Sendable, Compactable {
        var name: String
        var value: Int
        var outboxKey: String { "setting:\(name)" }
    }

    /// Something that happened: never compacted.
    struct Note: Codable, Sendable {
        var text: String
    }

    static let outbox = Outbox(publisher: "counter")

    /// Writes `rounds` rounds of a new value for each of `names`, with a note after each round.
    static func write(_ database: some DatabaseWriter, names: [String], rounds: ClosedRange<Int>) async throws {
        try await database.write { db in
            for round in rounds {
                for name in names {
                    try outbox.append(db, type: "counter.setting", topic: "counter.setting", body: Setting(name: name, value: round), actor: nil)
                }
                try outbox.append(db, type: "counter.note", topic: "counter.note", body: Note(text: "round \(round)"), actor: nil)
            }
        }
    }

    static func seqs(_ database: some DatabaseReader) async throws -> [Int64] {
        try await database.read { try Int64.fetchAll($0, sql: "SELECT seq FROM outbox ORDER BY seq") }
    }

    static func migrated() throws -> DatabaseQueue {
        let database = try DatabaseQueue()
        try database.write { db in
            try Outbox.migrate(db)
            try Outbox.migrateCompaction(db, bodies: [:])
        }
        return database
    }

    @Test func compactionKeepsEachKeysLatestEventAndEveryUnkeyedOne() async throws {
        let database = try Self.migrated()
        // 1 a1 2 b1 3 n1 | 4 a2 5 b2 6 n2 | 7 a3 8 b3 9 n3
        try await Self.write(database, names: ["a", "b"], rounds: 1...3)
        let service = RetentionService(database: database, outboxDays: 0, logger: Logger(label: "test"))
        #expect(await service.compactOutbox(now: 1_000) == 9)
        #expect(try await Self.seqs(database) == [3, 6, 7, 8, 9])
        // The last number is kept, so the next event is 10, and compacting again changes nothing.
        try await Self.write(database, names: ["a"], rounds: 4...4)
        #expect(try await Self.seqs(database) == [3, 6, 7, 8, 9, 10, 11])
        // The next step removes what the new events supersede, even below the last step's end.
        #expect(await service.compactOutbox(now: 2_000) == 11)
        #expect(try await Self.seqs(database) == [3, 6, 8, 9, 10, 11])
        #expect(try await database.read { try Outbox.compactedThrough($0) } == 11)
    }

    @Test func eventsYoungerThanTheRetentionAreKept() async throws {
        let database = try Self.migrated()
        let day: Int64 = 86_400_000
        let service = RetentionService(database: database, outboxDays: 30, logger: Logger(label: "test"))
        try await Self.write(database, names: ["a"], rounds: 1...2)  // 1 a1 2 n1 3 a2 4 n2
        #expect(await service.compactOutbox(now: 0) == 0)  // nothing is 30 days old yet
        try await Self.write(database, names: ["a"], rounds: 3...4)  // 5 a3 6 n3 7 a4 8 n4
        #expect(await service.compactOutbox(now: 10 * day) == 0)
        #expect(try await Self.seqs(database).count == 8)
        // Thirty days after the first mark, what was written by then (1–4) is compacted; a3 and
        // a4, younger, stay, and a2 too: only an event as old supersedes.
        #expect(await service.compactOutbox(now: 30 * day) == 4)
        #expect(try await Self.seqs(database) == [2, 3, 4, 5, 6, 7, 8])
        #expect(await service.compactOutbox(now: 40 * day) == 8)
        #expect(try await Self.seqs(database) == [2, 4, 6, 7, 8])
    }

    @Test func anOutboxMadeBeforeCompactionGetsItsKeysAndIsCompacted() async throws {
        // An outbox of an older version: no key column, three settings and a note.
        let database = try DatabaseQueue()
        try await database.write { db in
            try Outbox.migrate(db)
            for (seq, type, body) in [
                (1, "counter.setting", try WireCoding.encode(Setting(name: "a", value: 1))), (2, "counter.setting", try WireCoding.encode(Setting(name: "a", value: 2))),
                (3, "counter.note", try WireCoding.encode(Note(text: "n"))), (4, "counter.setting", try WireCoding.encode(Setting(name: "b", value: 1))),
            ] as [(Int64, String, Data)] {
                let header = MessageHeader(type: type, id: "counter-\(seq)", publisher: "counter", seq: seq)
                try db.execute(sql: "INSERT INTO outbox (seq, topic, header, body) VALUES (?, ?, ?, ?)", arguments: [seq, type, try WireCoding.encode(header), body])
            }
            try Outbox.migrateCompaction(db, bodies: ["counter.setting": Setting.self])
        }
        #expect(try await database.read { try String?.fetchAll($0, sql: "SELECT key FROM outbox ORDER BY seq") } == ["setting:a", "setting:a", nil, "setting:b"])
        #expect(await RetentionService(database: database, outboxDays: 0, logger: Logger(label: "test")).compactOutbox(now: 1) == 4)
        #expect(try await Self.seqs(database) == [2, 3, 4])
    }

    /// A subscriber sink that keeps each setting's value and every note.
    static func stateSink(_ database: DatabaseQueue) throws -> SQLiteEventSink {
        try database.write { db in
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: "CREATE TABLE setting (name TEXT PRIMARY KEY, value INTEGER NOT NULL); CREATE TABLE note (text TEXT PRIMARY KEY)")
        }
        return SQLiteEventSink(writer: database, publisher: "counter") { db, event in
            switch event.header.type {
            case "counter.setting":
                let setting = try WireCoding.decode(Setting.self, from: event.body)
                try db.execute(sql: "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value", arguments: [setting.name, setting.value])
            case "counter.note":
                try db.execute(sql: "INSERT OR IGNORE INTO note (text) VALUES (?)", arguments: [try WireCoding.decode(Note.self, from: event.body).text])
            default:
                break
            }
        }
    }

    static func state(_ database: DatabaseQueue) async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(db, sql: "SELECT name || '=' || value FROM setting ORDER BY name") + String.fetchAll(db, sql: "SELECT text FROM note ORDER BY text")
        }
    }

    @Test func aSubscriberOnACompactedOutboxEndsWithTheSameState() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")

        // A subscriber that sees every event, and one that saw only the first two,
        let live = try DatabaseQueue()
        let liveSink = try Self.stateSink(live)
        let early = try DatabaseQueue()
        let earlySink = try Self.stateSink(early)
        try await Self.write(service.database, names: ["a", "b", "c"], rounds: 1...1)
        await service.publisher.wake()
        let following = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: liveSink, logger: CounterService.logger)
        let followingTask = Task { try await following.run() }
        defer { followingTask.cancel() }
        await following.waitUntilApplied(4)
        let stopped = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: earlySink, logger: CounterService.logger)
        let stoppedTask = Task { try await stopped.run() }
        await stopped.waitUntilApplied(4)
        stoppedTask.cancel()
        _ = await stoppedTask.result
        try await earlySink.rewind(to: 2)

        // when 50 rounds are written and the outbox compacted under both,
        try await Self.write(service.database, names: ["a", "b", "c"], rounds: 2...50)
        await service.publisher.wake()
        await following.waitUntilApplied(200)
        let compacted = await RetentionService(database: service.database, outboxDays: 0, logger: CounterService.logger).compactOutbox(now: Timestamp.nowMilliseconds())
        #expect(compacted == 200)
        #expect(try await Self.seqs(service.database).count == 3 + 50)

        // then a new subscriber, and the one stopped inside the compacted range, replay what is
        // left and hold exactly what the live one holds: each setting's last value, every note.
        let fresh = try DatabaseQueue()
        let freshSink = try Self.stateSink(fresh)
        for sink in [freshSink, earlySink] {
            let subscriber = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: sink, logger: CounterService.logger)
            let task = Task { try await subscriber.run() }
            await subscriber.waitUntilApplied(200)
            task.cancel()
            _ = await task.result
        }
        let expected = try await Self.state(live)
        #expect(expected.prefix(3) == ["a=50", "b=50", "c=50"])
        #expect(expected.count == 3 + 50)
        #expect(try await Self.state(fresh) == expected)
        #expect(try await Self.state(early) == expected)

        // And new events after the compacted range follow one by one, live.
        try await Self.write(service.database, names: ["a"], rounds: 51...51)
        await service.publisher.wake()
        await following.waitUntilApplied(202)
        #expect(try await Self.state(live).first == "a=51")
    }
}
