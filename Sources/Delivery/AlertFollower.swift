import BaoxueContracts
import BaoxueMessaging
import Logging
import ZeroMQ

/// Follows the monitor's events into the feed (persisted cursor: the gateway catches up after
/// its own downtime like any subscriber) and hands each committed alert event to the live
/// listeners. Each alert event's webhook deliveries are made in the same transaction as the
/// feed entry and the cursor, so a crash never loses or doubles one.
public struct AlertFollower: Sendable {
    public let subscriber: EventSubscriber
    public let feed: AlertFeed
    public let broadcaster: AlertBroadcaster

    /// - Parameters:
    ///   - requests: a request client to the monitor (for replays).
    ///   - eventsEndpoint: the monitor's PUB endpoint.
    ///   - doorbell: rung after each commit, to wake the delivery queues.
    public init(feed: AlertFeed, broadcaster: AlertBroadcaster, loop: MessageLoop, requests: RequestClient, eventsEndpoint: String, curve: CurveRole?, logger: Logger, doorbell: DeliveryDoorbell? = nil) {
        self.feed = feed
        self.broadcaster = broadcaster
        let sink = Self.sink(feed: feed, broadcaster: broadcaster, doorbell: doorbell)
        subscriber = EventSubscriber(publisher: "monitor", loop: loop, eventsEndpoint: eventsEndpoint, requests: requests, sink: sink, logger: logger, curve: curve)
    }

    /// The sink the subscriber applies events through: feed entry, deliveries and cursor in one
    /// transaction; then the doorbell and the live listeners. Tests apply events through it
    /// directly.
    public static func sink(feed: AlertFeed, broadcaster: AlertBroadcaster, doorbell: DeliveryDoorbell?, now: @escaping @Sendable () -> Int64 = Timestamp.nowMilliseconds) -> SQLiteEventSink {
        SQLiteEventSink(writer: feed.database, publisher: "monitor", apply: { db, event in
            if let entry = try AlertFeed.store(db, event) {
                try DeliveryQueue.enqueue(db, entry, now: now())
            }
        }, afterCommit: { events in
            doorbell?.ring()
            broadcaster.publish(events.compactMap { event in
                guard event.header.type == MonitorMessage.Event.alert, let alert = try? WireCoding.decode(Alert.self, from: event.body) else { return nil }
                return FeedEntry(seq: event.seq, alert: alert)
            })
        })
    }
}
