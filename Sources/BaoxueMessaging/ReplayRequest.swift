/// `<publisher>.replay`: asks a publisher for the events after a sequence number, from its outbox.
///
/// The reply's body is a ``ReplayBatch``; the events follow as further frames, three per event:
/// `topic, header, body`, exactly as they were published.
public struct ReplayRequest: Codable, Sendable {
    public var after: Int64
    public var limit: Int

    public init(after: Int64, limit: Int = 1_000) {
        self.after = after
        self.limit = limit
    }

    /// `{}` replays from the beginning, 1,000 at a time.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        after = try c.decodeIfPresent(Int64.self, forKey: .after) ?? 0
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 1_000
    }
}

/// The body of a replay reply.
public struct ReplayBatch: Codable, Sendable {
    /// How many events follow as frames.
    public var count: Int
    /// The publisher's last sequence number now: the subscriber is caught up when its cursor
    /// reaches it.
    public var lastSeq: Int64
    /// How far the publisher has compacted its outbox (decision 125): at or below this number an
    /// event whose school, student, alert or case a later event states again may be gone, so the
    /// events may skip numbers there. 0 (or absent, from an older publisher): none skipped.
    public var compactedThrough: Int64
    /// The history the outbox holds (decision 127); absent from an older publisher.
    public var epoch: String?
    /// The last event this history shares with the one before it: a subscriber that followed
    /// another epoch goes back here if its cursor is beyond it.
    public var restartedAfter: Int64?

    public init(count: Int, lastSeq: Int64, compactedThrough: Int64 = 0, epoch: String? = nil, restartedAfter: Int64? = nil) {
        self.count = count
        self.lastSeq = lastSeq
        self.compactedThrough = compactedThrough
        self.epoch = epoch
        self.restartedAfter = restartedAfter
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(Int.self, forKey: .count)
        lastSeq = try c.decode(Int64.self, forKey: .lastSeq)
        compactedThrough = try c.decodeIfPresent(Int64.self, forKey: .compactedThrough) ?? 0
        epoch = try c.decodeIfPresent(String.self, forKey: .epoch)
        restartedAfter = try c.decodeIfPresent(Int64.self, forKey: .restartedAfter)
    }
}
