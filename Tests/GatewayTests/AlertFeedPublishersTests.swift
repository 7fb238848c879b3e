import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Logging
import Testing

@testable import Delivery

/// The feed follows every alerting service: each publisher's events once, by its own sequence
/// numbers, under one feed sequence (the stream's event ids), and alert ids that repeat across
/// services never meet.
@Suite struct AlertFeedPublishersTests {
    /// An alert event of `publisher` with its `seq`, through that publisher's sink.
    static func event(_ alert: Alert, from publisher: ServiceName, seq: Int64) throws -> ReceivedEvent {
        let type = AlertMessage.event(publisher)
        let header = MessageHeader(type: type, publisher: publisher.rawValue, seq: seq)
        return ReceivedEvent(seq: seq, topic: "\(type).\(alert.township)", header: header, body: try WireCoding.encode(alert))
    }

    @Test func twoPublishersShareOneFeedAndEachEventIsStoredOnce() async throws {
        let fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let hub = fixture.hub
        let monitor = AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil, publisher: .monitor)
        let subsidy = AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil, publisher: .subsidy)
        // Given: alert 7 of the monitor and alert 7 of the subsidy service, each its seq 1 and 2.
        var ours = DeliveryFixture.alert(id: 7)
        ours.service = .subsidy
        _ = try await monitor.apply([try Self.event(DeliveryFixture.alert(id: 7), from: .monitor, seq: 1)])
        _ = try await subsidy.apply([try Self.event(ours, from: .subsidy, seq: 1), try Self.event(ours, from: .subsidy, seq: 2)])
        _ = try await monitor.apply([try Self.event(DeliveryFixture.alert(id: 8), from: .monitor, seq: 2)])
        // When: a replay brings the same events again (a subscriber that lost its place).
        _ = try await subsidy.apply([try Self.event(ours, from: .subsidy, seq: 1)])

        // Then: four entries, in arrival order, each with its service.
        let entries = try await hub.feed.entries(after: 0, township: nil)
        #expect(entries.map(\.seq) == [1, 2, 3, 4])
        #expect(entries.map(\.alert.service) == [.monitor, .subsidy, .subsidy, .monitor])
        #expect(entries.map(\.alert.id) == [7, 7, 7, 8])
        // And each publisher's cursor is its own.
        let cursors = (try await monitor.cursor(), try await subsidy.cursor())
        #expect(cursors.0 == 2 && cursors.1 == 2)
    }

    @Test func anAlertBodyWithoutAServiceIsTheMonitors() throws {
        let body = #"{"createdAt":"2026-11-30T00:00:00.000Z","id":3,"rule":"absenceWarning","school":"5101230001","severity":"warning","state":"open","student":"G510123********001X","studentName":"张三","text":"t","textEnglish":"t","township":"510123101"}"#
        #expect(try WireCoding.decode(Alert.self, from: Data(body.utf8)).service == .monitor)
        #expect(try JSONDecoder().decode(Alert.self, from: Data(body.utf8)).service == .monitor)
        var alert = try JSONDecoder().decode(Alert.self, from: Data(body.utf8))
        alert.service = .care
        #expect(try WireCoding.decode(Alert.self, from: try WireCoding.encode(alert)).service == .care)
    }

    @Test func escalationsOfTwoServicesWithTheSameAlertIdAreBothMade() async throws {
        let fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let hub = fixture.hub
        _ = try fixture.add("县级", url: "http://127.0.0.1:9/county", county: true)
        var ours = DeliveryFixture.alert(id: 5, createdAt: "2026-11-01T00:00:00.000Z")
        ours.service = .subsidy
        _ = try await AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil, publisher: .monitor)
            .apply([try Self.event(DeliveryFixture.alert(id: 5, createdAt: "2026-11-01T00:00:00.000Z"), from: .monitor, seq: 1)])
        _ = try await AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil, publisher: .subsidy)
            .apply([try Self.event(ours, from: .subsidy, seq: 1)])
        let escalation = EscalationService(database: hub.feed.database, afterMinutes: 60, doorbell: hub.doorbell, logger: Logger(label: "test"))
        let now = Timestamp.milliseconds(iso8601: "2026-11-02T00:00:00.000Z")!
        #expect(try await escalation.escalate(now: now) == 2)
        #expect(try await escalation.escalate(now: now) == 0, "each once")
        let publishers = try await hub.feed.database.read { db in try String.fetchAll(db, sql: "SELECT publisher FROM escalation ORDER BY publisher") }
        #expect(publishers == ["monitor", "subsidy"])
    }

    /// A feed written before it followed several services: its rows keep their ids, the next
    /// event continues after them, and an escalation already made is not made again.
    @Test func aFeedFromBeforeMigratesWithoutRenumbering() async throws {
        let directory = TemporaryDirectory("baoxue-feed-migration")
        defer { directory.remove() }
        // Given: the store as the gateway left it, with the monitor's events 40 and 41.
        do {
            let queue = try DatabaseQueue(path: directory.file("delivery.sqlite"))
            try DeliverySchema.migrator.migrate(queue, upTo: "v2-webhooks")
            try await queue.write { db in
                for (seq, id) in [(40, 5), (41, 6)] {
                    try db.execute(
                        sql: "INSERT INTO alert_event (seq, publisher, alert_id, township, school, rule, severity, state, body, received_at) VALUES (?, 'monitor', ?, '510123101', '5101230001', 'absenceWarning', 'warning', 'open', ?, '2026-11-01T00:00:00.000Z')",
                        arguments: [seq, id, try WireCoding.encode(DeliveryFixture.alert(id: Int64(id)))])
                }
                try db.execute(sql: "INSERT INTO escalation (alert_id, township, reason, escalated_at) VALUES (5, '510123101', 'late', '2026-11-02T00:00:00.000Z')")
                try db.execute(sql: "INSERT INTO subscriber_cursor (publisher, seq) VALUES ('monitor', 41)")
            }
        }
        // When: the gateway opens it now and the monitor's event 42 arrives (41 again, too).
        let feed = try AlertFeed(dataDirectory: directory.path)
        let sink = AlertFollower.sink(feed: feed, broadcaster: AlertBroadcaster(), doorbell: nil)
        _ = try await sink.apply([try Self.event(DeliveryFixture.alert(id: 6), from: .monitor, seq: 41), try Self.event(DeliveryFixture.alert(id: 7), from: .monitor, seq: 42)])
        // Then: ids 40, 41 as before, 42 next; alert 5's escalation is still there, once.
        #expect(try await feed.entries(after: 0, township: nil).map(\.seq) == [40, 41, 42])
        let escalations = try await feed.database.read { db in try Row.fetchAll(db, sql: "SELECT publisher, alert_id FROM escalation") }
        #expect(escalations.map { "\($0["publisher"] as String):\($0["alert_id"] as Int64)" } == ["monitor:5"])
    }
}
