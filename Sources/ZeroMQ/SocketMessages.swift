import Foundation
import Synchronization

/// The messages one socket receives, in batches, as an `AsyncSequence`: what
/// ``MessageLoop/open(_:)`` returns.
///
/// Unlike a bare `AsyncStream`, it gives the loop back-pressure: the loop stops reading a socket
/// once ``MessageLoop/receiveLimit`` messages it handed over have not been taken yet, and reads
/// again when the consumer takes them. Meanwhile messages wait in libzmq's queue up to the
/// high-water mark, and past it the peer's sends block (DEALER) or drop (PUB, whose subscribers
/// then replay): memory stays bounded however slow the consumer.
public struct SocketMessages: AsyncSequence, Sendable {
    public typealias Element = [[Data]]

    let stream: AsyncStream<[[Data]]>
    let credit: ReceiveCredit

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<[[Data]]>.AsyncIterator
        let credit: ReceiveCredit

        public mutating func next() async -> [[Data]]? {
            guard let batch = await base.next() else { return nil }
            credit.taken(batch.count)
            return batch
        }
    }

    /// Messages the loop has handed over that the consumer has not taken yet: never more than
    /// the loop's ``MessageLoop/receiveLimit`` plus one batch.
    public var waiting: Int { credit.waitingCount }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), credit: credit)
    }
}

/// How many received messages of one socket are waiting for its consumer, shared by the loop
/// (which adds) and the consumer (which takes), and the nudge that wakes a loop that stopped
/// reading the socket.
final class ReceiveCredit: Sendable {
    private let waiting = Atomic<Int>(0)
    let limit: Int
    private let nudge: @Sendable () -> Void

    init(limit: Int, nudge: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.nudge = nudge
    }

    var waitingCount: Int { waiting.load(ordering: .relaxed) }

    /// Whether the loop may read more from the socket now.
    var open: Bool { waiting.load(ordering: .acquiring) < limit }

    func handed(_ count: Int) {
        waiting.add(count, ordering: .releasing)
    }

    func taken(_ count: Int) {
        let before = waiting.subtract(count, ordering: .acquiringAndReleasing).oldValue
        // The loop stopped reading at the limit and sleeps in poll: wake it to read again.
        if before >= limit, before - count < limit { nudge() }
    }
}
