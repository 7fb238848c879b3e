import Foundation
import Synchronization

/// Wakes the delivery queues when there is new work (the follower committed alert events, an
/// escalation or a digest was recorded, a delivery was resent here) instead of making them poll
/// fast. A ring between a queue's look at the store and its wait is not lost: the queue passes
/// the ``generation`` it saw, and a wait that starts after a newer ring returns at once.
public final class DeliveryDoorbell: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
        /// Woken (timed out, cancelled) before the waiter was registered.
        var early: Set<UUID> = []
    }

    private let state = Mutex(State())

    public init() {}

    /// How many times it has rung.
    public var generation: UInt64 { state.withLock { $0.generation } }

    public func ring() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when it rings after `generation`, after `timeout`, or on cancellation.
    public func wait(since generation: UInt64, atMost timeout: Duration) async {
        let id = UUID()
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.wake(id)
        }
        defer {
            timer.cancel()
            _ = state.withLock { $0.early.remove(id) }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.early.remove(id) != nil || state.generation != generation { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            wake(id)
        }
    }

    private func wake(_ id: UUID) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
            state.early.insert(id)
            return nil
        }
        waiter?.resume()
    }
}
