import BaoxueContracts
import BaoxueMessaging
import Logging
import Synchronization
import ZeroMQ

/// Follows every alerting service's events into the feed (a persisted cursor per service: the
/// gateway catches up after its own downtime like any subscriber) and hands each committed alert
/// event to the live listeners. The care service's notices to surrogate parents, on the same
/// stream, become deliveries to the surrogates' own webhooks. Each alert event's webhook deliveries are made in the same
/// transaction as the feed entry and the cursor, so a crash never loses or doubles one.
public struct AlertFollower: Sendable {
    /// One subscription per alerting service, in ``ServiceName/alerting`` order.
    public let subscribers: [EventSubscriber]
    public let feed: AlertFeed
    public let broadcaster: AlertBroadcaster

    /// How the follower reaches one alerting service: a request client (for replays), its PUB
    /// endpoint and its keys.
    public struct Source: Sendable {
        public var service: ServiceName
        public var requests: RequestClient
        public var eventsEndpoint: String
        public var curve: CurveRole?

        public init(service: ServiceName, requests: RequestClient, eventsEndpoint: String, curve: CurveRole?) {
            self.service = service
            self.requests = requests
            self.eventsEndpoint = eventsEndpoint
            self.curve = curve
        }
    }

    /// - Parameter doorbell: rung after each commit, to wake the delivery queues.
    public init(feed: AlertFeed, broadcaster: AlertBroadcaster, loop: MessageLoop, sources: [Source], logger: Logger, doorbell: DeliveryDoorbell? = nil) {
        self.feed = feed
        self.broadcaster = broadcaster
        subscribers = sources.map { source in
            EventSubscriber(
                publisher: source.service.rawValue, loop: loop, eventsEndpoint: source.eventsEndpoint, requests: source.requests,
                sink: Self.sink(feed: feed, broadcaster: broadcaster, doorbell: doorbell, publisher: source.service), logger: logger, curve: source.curve)
        }
    }

    /// The sink a subscriber to `publisher` applies events through: feed entry, deliveries and
    /// cursor in one transaction; then the doorbell and the live listeners. Tests apply events
    /// through it directly. Its batches are written on the subscriber's own thread (decision 132):
    /// they are on the path of every alert to its stream.
    public static func sink(feed: AlertFeed, broadcaster: AlertBroadcaster, doorbell: DeliveryDoorbell?, publisher: ServiceName = .monitor, now: @escaping @Sendable () -> Int64 = Timestamp.nowMilliseconds) -> SQLiteEventSink {
        // The entries stored by transactions that committed, for the listeners: a transaction that
        // rolls back adds none (the subscriber applies it again).
        let stored = Mutex<[FeedEntry]>([])
        return SQLiteEventSink(writer: feed.database, publisher: publisher.rawValue, apply: { db, event in
            // History a new store catches up on goes into the feed (the stream and the lists
            // show it) but to no group chat: they had it already.
            let delivers = feed.delivers(sentAt: event.header.sentAt)
            if let entry = try AlertFeed.store(db, event, from: publisher) {
                if delivers { try DeliveryQueue.enqueue(db, entry, now: now()) }
                db.afterNextTransaction { _ in stored.withLock { $0.append(entry) } }
            } else if delivers, publisher == .care, event.header.type == CareMessage.Event.notice {
                // A care notice goes to its surrogate parent's own channel, not to the feed.
                try DeliveryQueue.enqueue(db, notice: try WireCoding.decode(Notice.self, from: event.body), now: now())
            }
        }, afterCommit: { _ in
            doorbell?.ring()
            broadcaster.publish(stored.withLock { entries in
                defer { entries.removeAll() }
                return entries
            })
        }, writesInline: true)
    }
}
