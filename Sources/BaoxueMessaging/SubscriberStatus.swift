/// How far a subscriber is behind its publisher, for `services status` and `/healthz`.
public struct SubscriberStatus: Codable, Sendable {
    public var publisher: String
    /// Last sequence number applied.
    public var cursor: Int64
    /// Last sequence number the publisher announced.
    public var publisherSeq: Int64
    /// Whether the publisher's heartbeat has been missing for longer than the timeout.
    public var stale: Bool
    /// Whether the publisher announced a sequence number below the cursor (restored or reset):
    /// an operator must resync this subscriber.
    public var diverged: Bool

    public var lag: Int64 { max(publisherSeq - cursor, 0) }
}
