import Foundation
import Synchronization

/// A place for one running set of services (a test's cluster of processes, or its services run
/// in-process), out of a few: a test takes one before it starts its services and gives it back
/// when they have stopped (``release()``, or when the slot is released).
///
/// Swift Testing starts every test at once. With forty clusters of four or five processes
/// starting together on a 2-core machine, a request waited long enough behind them to pass its
/// real deadline (15 s) in CI, though nothing was wrong but the load: the tests measure
/// behaviour, and the services' deadlines are the product's, not the test's to stretch. Bounding
/// how many sets run at once keeps each test's services within them; the suite's wall time is
/// bound by the two cores either way.
///
/// A test holds at most one slot: one that waited for a second while holding the first could
/// wait for ever once every slot was held that way.
public final class ServiceSetSlot: Sendable {
    /// How many sets may run at once: enough to keep both cores busy while some tests wait on
    /// timers (heartbeats, deadlines, restarts), few enough that requests are answered in time.
    public static let capacity = 8

    private static let pool = Mutex<(free: Int, waiting: [CheckedContinuation<Void, Never>])>((capacity, []))
    private let held = Atomic(true)

    /// Waits until a slot is free and takes it.
    public init() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = Self.pool.withLock { pool in
                guard pool.free > 0 else {
                    pool.waiting.append(continuation)
                    return false
                }
                pool.free -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    /// Gives the slot back (once; later calls do nothing): to the longest waiter, if any.
    public func release() {
        guard held.exchange(false, ordering: .acquiringAndReleasing) else { return }
        let next = Self.pool.withLock { pool -> CheckedContinuation<Void, Never>? in
            guard !pool.waiting.isEmpty else {
                pool.free += 1
                return nil
            }
            return pool.waiting.removeFirst()
        }
        next?.resume()
    }

    deinit { release() }
}
