import Foundation
import Synchronization

/// Hands every new feed entry to every live listener (one per open stream), as soon as the
/// follower has committed it. A listener that falls behind loses nothing: its buffer keeps entries
/// in order up to a bound; past that its stream ends after what it has, so the client reconnects
/// with its last event id and reads the rest from the feed, nothing skipped.
public final class AlertBroadcaster: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<FeedEntry>.Continuation]>([:])
    /// Entries a listener may have waiting before it is cut off.
    public static let bufferLimit = 10_000

    public init() {}

    /// A stream of entries from now on; ends when the listener is too slow or removed.
    public func listen() -> (id: UUID, entries: AsyncStream<FeedEntry>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<FeedEntry>.makeStream(bufferingPolicy: .bufferingOldest(Self.bufferLimit))
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return (id, stream)
    }

    public func remove(_ id: UUID) {
        let continuation = listeners.withLock { $0.removeValue(forKey: id) }
        continuation?.finish()
    }

    public func publish(_ entries: [FeedEntry]) {
        guard !entries.isEmpty else { return }
        let current = listeners.withLock { Array($0.values) }
        for continuation in current {
            for entry in entries {
                if case .dropped = continuation.yield(entry) {
                    continuation.finish()
                    break
                }
            }
        }
    }

    public var count: Int { listeners.withLock { $0.count } }
}
