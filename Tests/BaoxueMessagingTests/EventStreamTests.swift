import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB
import Testing

@testable import BaoxueMessaging

@Suite struct EventStreamTests {
    /// A subscriber sink that records every applied sequence number; its primary key makes a
    /// double application fail the test.
    static func sink(_ database: DatabaseQueue) throws -> SQLiteEventSink {
        try database.write { db in
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS applied (seq INTEGER PRIMARY KEY, topic TEXT NOT NULL)")
        }
        return SQLiteEventSink(writer: database, publisher: "counter") { db, event in
            try db.execute(sql: "INSERT INTO applied (seq, topic) VALUES (?, ?)", arguments: [event.seq, event.topic])
        }
    }

    @Test func aSubscriberFollowsLiveEventsInOrder() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let database = try DatabaseQueue()
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let subscriber = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: try Self.sink(database), logger: CounterService.logger)
        let running = Task { try await subscriber.run() }
        defer { running.cancel() }
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 50), actor: .system)
        await subscriber.waitUntilApplied(50)
        let applied = try await database.read { try Int64.fetchAll($0, sql: "SELECT seq FROM applied ORDER BY seq") }
        #expect(applied == Array(1...50))
    }

    @Test func aStoppedSubscriberCatchesUpOnThousandEventsAfterRestart() async throws {
        let service = try await CounterService()
        defer { service.stop() }
        let database = try DatabaseQueue()
        let client = try await RequestClient(loop: service.loop, endpoint: service.requests, service: "counter")
        let sink = try Self.sink(database)

        // Given a subscriber that has seen the first ten events and then stops,
        let first = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: sink, logger: CounterService.logger)
        let running = Task { try await first.run() }
        let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 10), actor: .system)
        await first.waitUntilApplied(10)
        running.cancel()
        _ = await running.result

        // when 1,000 events are published while it is down,
        for _ in 0..<10 {
            let _: Int = try await client.call(CounterService.add, CounterService.AddBody(amount: 1, events: 100), actor: .system)
        }

        // then a new subscriber on the same store applies exactly the missing ones, in order.
        let second = EventSubscriber(publisher: "counter", loop: service.loop, eventsEndpoint: service.events, requests: client, sink: sink, logger: CounterService.logger)
        let restarted = Task { try await second.run() }
        defer { restarted.cancel() }
        await second.waitUntilApplied(1_010)
        let applied = try await database.read { try Int64.fetchAll($0, sql: "SELECT seq FROM applied ORDER BY seq") }
        #expect(applied == Array(1...1_010))
        #expect(await second.status.lag == 0)
    }

    @Test func applyingTheSameEventsTwiceChangesNothing() async throws {
        let database = try DatabaseQueue()
        let sink = try Self.sink(database)
        let header = MessageHeader(type: "counter.added", publisher: "counter", seq: 1)
        let events = (1...3).map { seq in
            var h = header
            h.seq = Int64(seq)
            return ReceivedEvent(seq: Int64(seq), topic: "counter.added.0", header: h, body: Data("{}".utf8))
        }
        #expect(try await sink.apply(events) == 3)
        #expect(try await sink.apply(events) == 3)
        // A gap stops application at the event before it.
        var late = events[2]
        late.seq = 5
        #expect(try await sink.apply([late]) == 3)
        #expect(try await database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM applied") } == 3)
    }
}

extension EventStreamTests {
    /// The fast header reader gives exactly what JSONDecoder gives, for every field combination
    /// the services write.
    @Test func fastHeaderReadingAgreesWithJSONDecoder() throws {
        var event = MessageHeader(type: "registry.student.added", id: "registry-7", actor: Actor(user: "王", role: "school-staff", school: "2510123001", via: "http 10.0.0.1"), publisher: "registry", seq: 7)
        var reply = MessageHeader(type: "x", correlationId: "abc", status: "ok")
        reply.sentAt = "2026-11-29T00:00:00.000Z"
        for header in [event, reply, MessageHeader(type: "registry.heartbeat", publisher: "registry", seq: 0)] {
            let data = try WireCoding.encode(header)
            let fast = try #require(MessageHeader(json: data))
            let slow = try WireCoding.decode(MessageHeader.self, from: data)
            #expect(try WireCoding.encode(fast) == WireCoding.encode(slow))
        }
        event.v = 2
        #expect(MessageHeader(json: try WireCoding.encode(event))?.v == 2)
        #expect(MessageHeader(json: Data(#"{"v":1,"type":"x"}"#.utf8)) == nil)
        #expect(MessageHeader(json: Data(#"{"v":1,"type":"x","id":"y","seq":"7"}"#.utf8)) == nil)
    }

    /// A header read with the one before it lending its strings reads as it does alone, whatever
    /// the two share: the same strings, other ones, an escape spelling the same text, a string
    /// that only starts the same, a field the other lacks.
    @Test func aHeaderReadAfterAnotherReadsAsItDoesAlone() throws {
        let actor = Actor(user: "王", role: "school-staff", school: "2510123001", via: "http 10.0.0.1")
        var headers = (1...3).map { MessageHeader(type: "registry.student.added", id: "registry-\($0)", actor: actor, publisher: "registry", seq: Int64($0)) }
        for index in headers.indices { headers[index].sentAt = "2026-12-07T00:00:00.000Z" }
        var other = MessageHeader(type: "registry.student.added.x", correlationId: "c", actor: Actor(user: "王二", role: "school-staff", via: "http 10.0.0.1"), publisher: "registry", seq: 9)
        other.sentAt = "2026-12-07T00:00:00.001Z"
        let texts = try headers.map { try WireCoding.encode($0) } + [
            try WireCoding.encode(other),
            Data(#"{"v":1,"type":"registry.student.\u0061dded","id":"registry-4","publisher":"registry","seq":4,"sentAt":"2026-12-07T00:00:00.000Z"}"#.utf8),
            Data(#"{"v":1,"type":"registry.student","id":"registry-5","publisher":"regis\"try","seq":5,"sentAt":""}"#.utf8),
        ]
        for (first, second) in texts.flatMap({ a in texts.map { (a, $0) } }) {
            let previous = try #require(MessageHeader(json: first))
            let alone = try #require(MessageHeader(json: second))
            let after = try #require(MessageHeader(json: second, previous: previous))
            #expect(try WireCoding.encode(after) == WireCoding.encode(alone))
        }
    }

    /// Headers as another language's client might write them: spaced out, keys in any order,
    /// keys this version does not know (values of every kind), nulls, a key twice (the first
    /// counts, as when the header was read as a tree). What is not a header is refused whole.
    @Test func fastHeaderReadingTakesAnyValidHeaderAndRefusesTheRest() throws {
        let spaced = Data("""
            { "seq" : 12 , "future" : {"a": [1, 2, {"b": null}], "c": "\\u4e2d"}, "type": "registry.student.added",
              "actor": {"via": "cli", "extra": [true, false], "user": "阿依古丽·买买提", "role": "county-operator", "township": null},
              "id": "registry-12", "v": 1, "publisher": "registry", "sentAt": "2026-12-07T00:00:00.000Z", "deadline": null,
              "type": "ignored.second" }\r\n
            """.utf8)
        let header = try #require(MessageHeader(json: spaced))
        #expect(header.type == "registry.student.added")
        #expect(header.id == "registry-12")
        #expect(header.seq == 12)
        #expect(header.publisher == "registry")
        #expect(header.sentAt == "2026-12-07T00:00:00.000Z")
        #expect(header.deadline == nil)
        #expect(header.actor == Actor(user: "阿依古丽·买买提", role: "county-operator", township: nil, school: nil, via: "cli"))
        #expect(MessageHeader(json: Data(#"{"v":1,"type":"x","id":"y","actor":null}"#.utf8))?.actor == nil)

        for refused in [
            #"{"v":1,"type":"x","id":"y"} x"#,  // text after the object
            #"{"v":1,"type":"x","id":"y",}"#,  // a trailing comma
            #"{"v":1,"type":"x","id":"y""#,  // cut short
            #"{"v":1,"type":7,"id":"y"}"#,  // a type that is not a string
            #"{"v":"1","type":"x","id":"y"}"#,  // a version that is not a number
            #"{"v":1.5,"type":"x","id":"y"}"#,  // a version that is not whole
            #"{"v":1,"type":"x","id":"y","seq":-1}"#,
            #"{"v":1,"type":"x","id":"y","seq":1e19}"#,
            #"{"v":1,"type":"x","id":"y","actor":{"user":"u","role":"r"}}"#,  // an actor without via
            #"{"v":1,"type":"x","id":"y","actor":"u"}"#,
            #"{"v":1,"type":"x","id":null}"#,
            #"[{"v":1,"type":"x","id":"y"}]"#,
            "",
        ] {
            #expect(MessageHeader(json: Data(refused.utf8)) == nil, "\(refused)")
        }
    }
}
