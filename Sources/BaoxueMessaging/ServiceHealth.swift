import BaoxueContracts

/// The answer to ``ServiceMessage/status``, which every service serves: who it is, since when, how far its
/// outbox has got, and a few counts of what it holds.
public struct ServiceHealth: Codable, Sendable {
    public var service: String
    public var version: String
    public var pid: Int32
    public var startedAt: String
    public var lastSeq: Int64
    /// How far the outbox is compacted (decision 125): a replay may skip superseded events at or
    /// below it. Absent from a service older than compaction.
    public var compactedThrough: Int64?
    public var counts: [String: Int]
    public var subscriptions: [SubscriberStatus]

    public init(service: String, version: String, pid: Int32, startedAt: String, lastSeq: Int64, compactedThrough: Int64? = nil, counts: [String: Int], subscriptions: [SubscriberStatus] = []) {
        self.service = service
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.lastSeq = lastSeq
        self.compactedThrough = compactedThrough
        self.counts = counts
        self.subscriptions = subscriptions
    }

    /// How far this service has applied `publisher`'s events (its cursor), when it follows it.
    public func cursor(following publisher: ServiceName) -> Int64? {
        subscriptions.first { $0.publisher == publisher.rawValue }?.cursor
    }
}
