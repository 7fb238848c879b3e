/// What the gateway's stream needs: the feed to replay from and the broadcaster to follow live.
public struct AlertHub: Sendable {
    public let feed: AlertFeed
    public let broadcaster: AlertBroadcaster

    public init(feed: AlertFeed, broadcaster: AlertBroadcaster = AlertBroadcaster()) {
        self.feed = feed
        self.broadcaster = broadcaster
    }
}
