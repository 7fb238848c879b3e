import BaoxueContracts
import Foundation
import Testing

@testable import BaoxueMessaging

/// A run's headers written from one encoding (``OutboxHeaderTemplate``) are byte for byte the
/// headers ``MessageHeader`` writes for the same time, for any number and any actor.
@Suite struct OutboxHeaderTemplateTests {
    static let outbox = Outbox(publisher: "registry")
    static let actors: [Actor?] = [
        nil,
        Actor.localOperator(via: "cli"),
        Actor(user: "张·阿依古丽", role: "township-staff", township: "510123001", school: nil, via: "http"),
        Actor(user: "quote\" back\\slash\ttab \u{1}", role: "school-staff", township: "510123001", school: "5101230001", via: "http"),
    ]
    static let numbers: [Int64] = [0, 1, 9, 10, 99, 100, 999_999, 1_000_000, 123_456_789_012, Int64.max]

    @Test(arguments: actors)
    func headersAreWhatTheHeaderWrites(_ actor: Actor?) throws {
        let template = try #require(OutboxHeaderTemplate(outbox: Self.outbox, type: "registry.student.added", actor: actor))
        for seq in Self.numbers {
            // Written after bytes already there, as into a run.
            var run: [UInt8] = [0xAA]
            template.write(seq: seq, into: &run)
            let written = Data(run.dropFirst())
            // The template's time, the one every event of its transaction carries.
            let sentAt = try WireCoding.decode(MessageHeader.self, from: written).sentAt
            var expected = Self.outbox.header(type: "registry.student.added", seq: seq, actor: actor)
            expected.sentAt = sentAt
            #expect(written == (try WireCoding.encode(expected)), "seq \(seq): \(String(decoding: written, as: UTF8.self))")
        }
    }

    /// An actor whose name holds the marker's digits would put them in a third place: there is
    /// no template, and the appender encodes each header whole.
    @Test func aNameHoldingTheMarkerGetsNoTemplate() {
        let actor = Actor(user: "u918273645546372819", role: "county-operator", township: nil, school: nil, via: "cli")
        #expect(OutboxHeaderTemplate(outbox: Self.outbox, type: "registry.student.added", actor: actor) == nil)
    }

    /// Through the appender, with that actor: every header is still right, encoded whole.
    @Test func theAppenderFallsBackToWholeHeaders() throws {
        let database = try OutboxRunTests.migrated()
        let actor = Actor(user: "u918273645546372819", role: "county-operator", township: nil, school: nil, via: "cli")
        try database.write { db in
            try Self.outbox.appending(db) { events in
                for number in 0..<5 {
                    try events.appendToRun(db, type: "registry.student.added", topic: "registry.student.added.t", encodedBody: Data("{}".utf8), key: "k\(number)", actor: actor)
                }
            }
        }
        let stored = try database.read { db in try Outbox.events(db, after: 0, limit: 10) }
        #expect(stored.map(\.seq) == [1, 2, 3, 4, 5])
        for event in stored {
            let header = try WireCoding.decode(MessageHeader.self, from: event.header)
            #expect(header.seq == event.seq && header.id == "registry-\(event.seq)" && header.actor == actor)
        }
    }
}
