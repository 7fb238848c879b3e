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
    /// Why applying or replaying the publisher's events last failed (the subscriber retries with
    /// a growing pause); nil when it works. A service with one is `degraded`.
    public var problem: String?

    public init(publisher: String, cursor: Int64, publisherSeq: Int64, stale: Bool, diverged: Bool, problem: String? = nil) {
        self.publisher = publisher
        self.cursor = cursor
        self.publisherSeq = publisherSeq
        self.stale = stale
        self.diverged = diverged
        self.problem = problem
    }

    public var lag: Int64 { max(publisherSeq - cursor, 0) }
}
