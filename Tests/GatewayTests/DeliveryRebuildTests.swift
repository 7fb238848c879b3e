import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Delivery
import Foundation
import Logging
import Synchronization
import Testing

/// A delivery store made anew (a first start, or `delivery.sqlite` lost) follows the whole alert
/// history into its feed but sends none of it to a group chat that had it, and escalates nothing
/// whose escalation was due before it existed.
@Suite struct DeliveryRebuildTests {
    static let township = RosterFixtures.township

    /// One alert event written at `sentAt`, through the follower's sink.
    static func publish(_ sink: SQLiteEventSink, seq: Int64, alert: Alert, sentAt: Int64) async throws {
        var header = MessageHeader(type: MonitorMessage.Event.alert, publisher: "monitor", seq: seq)
        header.sentAt = Timestamp.iso8601(milliseconds: sentAt)
        _ = try await sink.apply([ReceivedEvent(seq: seq, topic: "\(MonitorMessage.Event.alert).\(alert.township)", header: header, body: try WireCoding.encode(alert))])
    }

    @Test func aNewStoreSendsNoHistoryAndKeepsItsStartingPoint() async throws {
        let directory = TemporaryDirectory("baoxue-delivery-rebuild")
        defer { directory.remove() }
        let made: Int64 = 1_800_000_000_000
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: directory.path, now: made))
        #expect(hub.feed.deliverFrom == made)
        _ = try hub.webhooks.add(try WebhookDefinition(name: "chengguan", url: "https://example.org/hook", kind: "generic", township: Self.township, school: nil, county: false), by: "test")
        let sink = AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil)

        // The history the new store catches up on: in the feed, in no group chat.
        for seq in Int64(1)...3 {
            try await Self.publish(sink, seq: seq, alert: DeliveryFixture.alert(id: seq), sentAt: made - 86_400_000 + seq)
        }
        #expect(try await hub.feed.lastSeq() == 3)
        #expect(try await hub.deliveries.list(DeliveryQuery()).isEmpty)
        // What happens from now on is delivered.
        try await Self.publish(sink, seq: 4, alert: DeliveryFixture.alert(id: 4), sentAt: made + 1)
        #expect(try await hub.deliveries.list(DeliveryQuery()).map(\.alertID) == [4])

        // Opened again (a restart), the store keeps the instant it was made at.
        let again = try AlertFeed(dataDirectory: directory.path, now: made + 999_999)
        #expect(again.deliverFrom == made)
    }

    @Test func historyCanBeAskedFor() async throws {
        let directory = TemporaryDirectory("baoxue-delivery-history")
        defer { directory.remove() }
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: directory.path, fromPresent: false))
        #expect(hub.feed.deliverFrom == 0)
        _ = try hub.webhooks.add(try WebhookDefinition(name: "chengguan", url: "https://example.org/hook", kind: "generic", township: Self.township, school: nil, county: false), by: "test")
        let sink = AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil)
        try await Self.publish(sink, seq: 1, alert: DeliveryFixture.alert(id: 1), sentAt: 1_000)
        #expect(try await hub.deliveries.list(DeliveryQuery()).count == 1)
    }

    @Test func escalationWaitsForTheWholeHistoryAndSkipsWhatWasDueBefore() async throws {
        let directory = TemporaryDirectory("baoxue-delivery-escalation")
        defer { directory.remove() }
        let made = Timestamp.milliseconds(iso8601: "2026-11-30T06:00:00.000Z")!
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: directory.path, now: made))
        _ = try hub.webhooks.add(try WebhookDefinition(name: "county", url: "https://example.org/county", kind: "generic", township: nil, school: nil, county: true), by: "test")
        let sink = AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: nil)
        // Raised at 00:00 (due at 04:00, before the store was made at 06:00) and at 03:00 (due at
        // 07:00, after): both open as far as the history says.
        try await Self.publish(sink, seq: 1, alert: DeliveryFixture.alert(id: 1, createdAt: "2026-11-30T00:00:00.000Z"), sentAt: made - 6 * 3_600_000)
        try await Self.publish(sink, seq: 2, alert: DeliveryFixture.alert(id: 2, createdAt: "2026-11-30T03:00:00.000Z"), sentAt: made - 3 * 3_600_000)
        var escalation = EscalationService(database: hub.feed.database, afterMinutes: 240, doorbell: hub.doorbell, logger: Logger(label: "test"))
        escalation.deliverFrom = hub.feed.deliverFrom
        #expect(try await escalation.escalate(now: made + 2 * 3_600_000) == 1)
        #expect(try await hub.deliveries.list(DeliveryQuery()).map(\.alertID) == [2])

        // An alert raised after the store was made, due by now: until the feed has caught up
        // (an acknowledgement may still be on its way), the service escalates nothing.
        try await Self.publish(sink, seq: 3, alert: DeliveryFixture.alert(id: 3, createdAt: "2026-11-30T07:00:00.000Z"), sentAt: made + 3_600_000)
        let behind = CaughtUp(false)
        var running = EscalationService(database: hub.feed.database, afterMinutes: 240, doorbell: hub.doorbell, now: { made + 10 * 3_600_000 }, interval: .milliseconds(10), logger: Logger(label: "test"))
        running.deliverFrom = hub.feed.deliverFrom
        running.caughtUp = { behind.value }
        let task = Task { try await running.run() }
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await hub.deliveries.list(DeliveryQuery()).map(\.alertID) == [2])
        behind.set(true)
        let escalated = try await eventually(within: .seconds(5)) { try await hub.deliveries.list(DeliveryQuery()).compactMap(\.alertID).sorted() == [2, 3] }
        task.cancel()
        #expect(escalated)
    }
}

/// A flag a test flips while a service reads it.
final class CaughtUp: Sendable {
    private let flag: Mutex<Bool>
    init(_ value: Bool) { flag = Mutex(value) }
    var value: Bool { flag.withLock { $0 } }
    func set(_ value: Bool) { flag.withLock { $0 = value } }
}
