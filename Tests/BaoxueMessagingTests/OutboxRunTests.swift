import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB
import Testing

/// Runs of events in one outbox row (decision 143): what is read back, published and replayed is
/// byte for byte what one row per event gives, numbers included.
@Suite struct OutboxRunTests {
    struct Child: Codable, Sendable, Compactable {
        var number: String
        var outboxKey: String { "child:\(number)" }
    }

    static let outbox = Outbox(publisher: "counter")
    static let actor = Actor.localOperator(via: "test")

    static func migrated() throws -> DatabaseQueue {
        let database = try DatabaseQueue()
        try database.write { db in
            try Outbox.migrate(db)
            try Outbox.migrateCompaction(db, bodies: [:])
            try Outbox.migrateRuns(db)
        }
        return database
    }

    /// Two transactions of the same events, one as single rows and one through runs: a note,
    /// `children` added, another note, three more added.
    static func write(_ database: DatabaseQueue, runs: Bool, children: Int) throws {
        try database.write { db in
            try outbox.appending(db) { events in
                func child(_ number: Int) throws {
                    let body = try WireCoding.encode(Child(number: "c\(number)"))
                    if runs {
                        try events.appendToRun(db, type: "counter.child", topic: "counter.child.\(number % 3)", encodedBody: body, key: "child:c\(number)", actor: actor)
                    } else {
                        try events.append(db, type: "counter.child", topic: "counter.child.\(number % 3)", encodedBody: body, key: "child:c\(number)", actor: actor)
                    }
                }
                try events.append(db, type: "counter.note", topic: "counter.note", body: ["text": "start"], actor: actor)
                for number in 0..<children { try child(number) }
                try events.append(db, type: "counter.note", topic: "counter.note", body: ["text": "middle"], actor: actor)
                for number in children..<children + 3 { try child(number) }
            }
        }
    }

    /// Each event's number and frames, its header's time (`sentAt`, when it was written) set aside:
    /// the two outboxes were written a moment apart.
    static func frames(_ events: [StoredEvent]) throws -> [[Data]] {
        try events.map { event in
            var header = try WireCoding.decode(MessageHeader.self, from: event.header)
            header.sentAt = ""
            return [Data("\(event.seq)".utf8), Data(event.topic.utf8), try WireCoding.encode(header), event.body]
        }
    }

    @Test func runsReadBackAsTheSingleRowsWouldHave() throws {
        let children = 2_500
        let single = try Self.migrated(), runs = try Self.migrated()
        try Self.write(single, runs: false, children: children)
        try Self.write(runs, runs: true, children: children)
        let expected = try single.read { try Outbox.events($0, after: 0, limit: 10_000) }
        #expect(expected.count == children + 5)
        let all = try runs.read { try Outbox.events($0, after: 0, limit: 10_000) }
        #expect(try Self.frames(all) == Self.frames(expected))
        // Far fewer rows: 2,500 children in runs of at most 1,000, and the last three in one run.
        let rows = try runs.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox")! }
        #expect(rows == 2 + 3 + 1)
        #expect(try runs.read { try Outbox.lastSeq($0) } == Int64(children + 5))
        // Read from inside a run and in small pages, as a publisher and a replay do: the same
        // events, byte for byte, as the whole read above.
        for after in [0, 1, 2, 500, 1_001, 1_002, 2_501, 2_502, 2_503, 2_505] {
            for limit in [1, 7, 1_000] {
                let got = try runs.read { try Outbox.events($0, after: Int64(after), limit: limit) }
                let want = all.filter { $0.seq > Int64(after) }.prefix(limit)
                #expect(got.map(\.seq) == want.map(\.seq), "after \(after), limit \(limit)")
                #expect(got.map(\.frames) == want.map(\.frames), "after \(after), limit \(limit)")
            }
        }
    }

    @Test func aRunOfOneIsAnOrdinaryKeyedRow() throws {
        let database = try Self.migrated()
        try database.write { db in
            try Self.outbox.appending(db) { events in
                try events.appendToRun(db, type: "counter.child", topic: "counter.child.0", encodedBody: Data("{}".utf8), key: "child:c1", actor: Self.actor)
            }
        }
        let row = try #require(try database.read { try Row.fetchOne($0, sql: "SELECT seq, topic, key, events FROM outbox") })
        #expect(row["seq"] as Int64 == 1)
        #expect(row["topic"] as String == "counter.child.0")
        #expect(row["key"] as String? == "child:c1")
        #expect(row["events"] as Int? == nil)
    }

    @Test func aDamagedRunIsNeverPublishedShort() throws {
        let database = try Self.migrated()
        try Self.write(database, runs: true, children: 10)
        try database.write { db in
            try db.execute(sql: "UPDATE outbox SET body = substr(body, 1, length(body) - 3) WHERE events IS NOT NULL AND seq = 11")
        }
        #expect(throws: (any Error).self) { try database.read { try Outbox.events($0, after: 1, limit: 100) } }
        // The events before the damaged row still read.
        #expect(try database.read { try Outbox.events($0, after: 0, limit: 1) }.map(\.seq) == [1])
    }

    /// Compaction treats an import's events in runs as it treats single rows: the same events
    /// go, the same stay, byte for byte, whether it covers a run in one step or in several.
    @Test func compactionSupersedesEventsInRunsAsInSingleRows() throws {
        for stepLimit in [4, 5_000] {
            var kept: [[[Data]]] = []
            for runs in [false, true] {
                let database = try Self.migrated()
                try Self.write(database, runs: runs, children: 10)
                try database.write { db in
                    try Self.outbox.append(db, type: "counter.child", topic: "counter.child.0", body: Child(number: "c3"), actor: Self.actor)
                    try Self.outbox.append(db, type: "counter.child", topic: "counter.child.0", body: Child(number: "c11"), actor: Self.actor)
                }
                while try database.write({ try Outbox.compact($0, through: 17, limit: Int64(stepLimit)) }).covered > 0 {}
                let events = try database.read { try Outbox.events($0, after: 0, limit: 100) }
                // c3's add (5) and c11's (14) are superseded by the later single rows.
                let expected: [Int64] = (1...17).filter { $0 != 5 && $0 != 14 }
                #expect(events.map(\.seq) == expected, "runs: \(runs), step \(stepLimit)")
                kept.append(try Self.frames(events))
            }
            #expect(kept[0] == kept[1], "step \(stepLimit)")
        }
    }

    /// An outbox made before runs (no `events` column) keeps its events and takes runs after the
    /// migration: what a county's registry goes through when it is upgraded.
    @Test func anOutboxFromBeforeRunsTakesRunsAfterItsMigration() throws {
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "CREATE TABLE outbox (seq INTEGER PRIMARY KEY, topic TEXT NOT NULL, header BLOB NOT NULL, body BLOB NOT NULL)")
            try Outbox.migrateCompaction(db, bodies: [:])
            try Self.outbox.append(db, type: "counter.note", topic: "counter.note", body: ["text": "before"], actor: nil)
        }
        try database.write { db in try Outbox.migrateRuns(db) }
        try Self.write(database, runs: true, children: 5)
        let events = try database.read { try Outbox.events($0, after: 0, limit: 100) }
        #expect(events.map(\.seq) == Array(1...11).map(Int64.init))
        #expect(events.first.map { String(decoding: $0.body, as: UTF8.self) } == #"{"text":"before"}"#)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox WHERE events IS NOT NULL") } == 2)
    }
}
