/// Where a subscriber's events go: the subscribing service's own store.
///
/// Implementations must persist the cursor (the last applied sequence number) in the same
/// transaction as the effects of the events, and ignore events at or below it, so that a crash or
/// a duplicate delivery never applies an event twice or skips one. ``SQLiteEventSink`` does this.
public protocol EventSink: Sendable {
    /// The last sequence number applied (0 when none).
    func cursor() async throws -> Int64
    /// Applies events in order; returns the cursor afterwards. Each event must follow the cursor
    /// (`seq == cursor + 1`), except at or below `gapsThrough + 1`: a replay of a compacted range
    /// (decision 125), where superseded events are gone and any higher number follows.
    func apply(_ events: [ReceivedEvent], gapsThrough: Int64) async throws -> Int64
    /// Sets the cursor back to `seq`, when the publisher's outbox ends there (it was restored from
    /// a backup), so its next events are applied rather than skipped as already seen.
    func rewind(to seq: Int64) async throws
    /// The publisher's history (decision 127) this store's cursor belongs to; nil before one was
    /// seen.
    func epoch() async throws -> String?
    /// Records that the cursor now belongs to history `epoch`, setting it back to `rewindTo`
    /// first when given, in one transaction.
    func follow(epoch: String, rewindTo seq: Int64?) async throws
}

extension EventSink {
    /// Applies live events, which never skip a number.
    public func apply(_ events: [ReceivedEvent]) async throws -> Int64 {
        try await apply(events, gapsThrough: 0)
    }
}
