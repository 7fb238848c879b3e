import BaoxueContracts
import Foundation
import GRDB
import Testing

@testable import BaoxueMessaging

/// A run stores its header template once (version 2, decision 158); runs stored before, with
/// every header whole (version 1), read back as they did; both give the same events byte for byte.
@Suite struct OutboxRunVersionTests {
    static let outbox = Outbox(publisher: "registry")
    static let actor = Actor.localOperator(via: "test")
    static let type = "registry.student.added"

    /// The same events packed both ways: a template's headers, and each one encoded whole.
    static func runs(events: Int, lastSeq: Int64) throws -> (templated: OutboxRun, whole: OutboxRun) {
        let template = try #require(OutboxHeaderTemplate(outbox: outbox, type: type, actor: actor))
        var templated = OutboxRun(type: type, template: template)
        var whole = OutboxRun(type: type, template: nil)
        for index in 0..<events {
            let seq = lastSeq - Int64(events) + 1 + Int64(index)
            let body = Data(#"{"n":\#(index)}"#.utf8)
            let key: String? = index % 2 == 0 ? "student:\(index)" : nil
            templated.add(topic: "\(type).\(index % 3)", header: nil, body: body, key: key)
            whole.add(topic: "\(type).\(index % 3)", header: template.header(seq: seq), body: body, key: key)
        }
        return (templated, whole)
    }

    @Test func bothVersionsReadBackAsTheSameEvents() throws {
        let (templated, whole) = try Self.runs(events: 50, lastSeq: 1_049)
        #expect(templated.packed.first == OutboxRun.templated)
        #expect(whole.packed.first == OutboxRun.wholeHeaders)
        let new = try OutboxRun.entries(templated.packed, lastSeq: 1_049, count: 50)
        let old = try OutboxRun.entries(whole.packed, lastSeq: 1_049, count: 50)
        #expect(new.map(\.seq) == Array(1_000...1_049))
        #expect(new.map(\.seq) == old.map(\.seq))
        #expect(new.map { [Data($0.entry.topic.utf8), $0.entry.header, $0.entry.body, Data(($0.entry.key ?? "-").utf8)] }
            == old.map { [Data($0.entry.topic.utf8), $0.entry.header, $0.entry.body, Data(($0.entry.key ?? "-").utf8)] })
        for (seq, entry) in new {
            let header = try WireCoding.decode(MessageHeader.self, from: entry.header)
            #expect(header.seq == seq && header.id == "registry-\(seq)" && header.actor == Self.actor)
        }
        // Read from inside the run, as a publisher's page does.
        #expect(try OutboxRun.entries(templated.packed, lastSeq: 1_049, count: 50, after: 1_040, limit: 3).map(\.seq) == [1_041, 1_042, 1_043])
        #expect(templated.lastHeader(lastSeq: 1_049) == whole.lastHeader(lastSeq: 1_049))
        // The point of it: the headers are not stored fifty times.
        #expect(templated.packed.count + 49 * 150 < whole.packed.count)
    }

    /// Events of one type written for two actors in one transaction carry each their own actor:
    /// a template is one actor's, so the other starts a run of its own.
    @Test func anotherActorStartsAnotherRun() throws {
        let database = try OutboxRunTests.migrated()
        let other = Actor(user: "王·阿依古丽", role: "county-operator", township: nil, school: nil, via: "http")
        try database.write { db in
            try Self.outbox.appending(db) { events in
                for number in 0..<6 {
                    try events.appendToRun(db, type: Self.type, topic: "\(Self.type).t", encodedBody: Data("{}".utf8), key: "k\(number)", actor: number < 3 ? Self.actor : other)
                }
            }
        }
        let stored = try database.read { try Outbox.events($0, after: 0, limit: 10) }
        #expect(stored.map(\.seq) == [1, 2, 3, 4, 5, 6])
        for event in stored {
            let header = try WireCoding.decode(MessageHeader.self, from: event.header)
            #expect(header.seq == event.seq && header.actor == (event.seq <= 3 ? Self.actor : other))
        }
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox WHERE events IS NOT NULL") } == 2)
        #expect(try database.read { try Data.fetchOne($0, sql: "SELECT body FROM outbox WHERE events IS NOT NULL LIMIT 1") }?.first == OutboxRun.templated)
    }

    /// A run cut inside its template, or of a version this build does not know, is never
    /// published short.
    @Test func aDamagedTemplateOrAnUnknownVersionThrows() throws {
        let (templated, _) = try Self.runs(events: 5, lastSeq: 5)
        #expect(throws: OutboxRunError.self) { try OutboxRun.entries(Array(templated.packed.prefix(12)), lastSeq: 5, count: 5) }
        var unknown = templated.packed
        unknown[0] = 3
        #expect(throws: OutboxRunError.self) { try OutboxRun.entries(unknown, lastSeq: 5, count: 5) }
    }
}
