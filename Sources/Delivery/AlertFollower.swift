import BaoxueContracts
import BaoxueMessaging
import Logging
import ZeroMQ

/// Follows the monitor's events into the feed (persisted cursor: the gateway catches up after
/// its own downtime like any subscriber) and hands each committed alert event to the live
/// listeners.
public struct AlertFollower: Sendable {
    public let subscriber: EventSubscriber
    public let feed: AlertFeed
    public let broadcaster: AlertBroadcaster

    /// - Parameters:
    ///   - requests: a request client to the monitor (for replays).
    ///   - eventsEndpoint: the monitor's PUB endpoint.
    public init(feed: AlertFeed, broadcaster: AlertBroadcaster, loop: MessageLoop, requests: RequestClient, eventsEndpoint: String, curve: CurveRole?, logger: Logger) {
        self.feed = feed
        self.broadcaster = broadcaster
        let sink = SQLiteEventSink(writer: feed.database, publisher: "monitor", apply: { db, event in
            _ = try AlertFeed.store(db, event)
        }, afterCommit: { events in
            broadcaster.publish(events.compactMap { event in
                guard event.header.type == MonitorMessage.Event.alert, let alert = try? WireCoding.decode(Alert.self, from: event.body) else { return nil }
                return FeedEntry(seq: event.seq, alert: alert)
            })
        })
        subscriber = EventSubscriber(publisher: "monitor", loop: loop, eventsEndpoint: eventsEndpoint, requests: requests, sink: sink, logger: logger, curve: curve)
    }
}
