/// What the gateway's stream needs: the feed to replay from and the broadcaster to follow live;
/// and what its webhook routes need: the deliveries in the same store, and the doorbell that
/// wakes their queues.
public struct AlertHub: Sendable {
    public let feed: AlertFeed
    public let broadcaster: AlertBroadcaster
    public let doorbell: DeliveryDoorbell

    public init(feed: AlertFeed, broadcaster: AlertBroadcaster = AlertBroadcaster(), doorbell: DeliveryDoorbell = DeliveryDoorbell()) {
        self.feed = feed
        self.broadcaster = broadcaster
        self.doorbell = doorbell
    }

    public var deliveries: DeliveryQueue { DeliveryQueue(database: feed.database) }
    public var webhooks: WebhookStore { WebhookStore(database: feed.database) }
}
