import Foundation
import Synchronization

/// Requests waiting for their replies, by request id. A class so the client's reader task and its
/// timeout tasks can share it (a `Mutex` cannot be copied into closures).
///
/// One id can have several waiters: a request retried under the same id (an `Idempotency-Key`
/// sent again while the first try still waits) is the same request, and the one reply answers
/// both. Each waiter has its own token so a timeout or a cancellation ends only its own wait.
final class ReplyWaiters: Sendable {
    private struct Waiter {
        var token: UInt64
        var continuation: CheckedContinuation<Envelope, any Error>
    }

    private let waiting = Mutex<(next: UInt64, byID: [String: [Waiter]])>((1, [:]))

    /// Registers a waiter for `id` and returns its token.
    func add(_ id: String, _ continuation: CheckedContinuation<Envelope, any Error>) -> UInt64 {
        waiting.withLock { state in
            let token = state.next
            state.next += 1
            state.byID[id, default: []].append(Waiter(token: token, continuation: continuation))
            return token
        }
    }

    /// Removes and returns every waiter for `id`: a reply answers them all.
    func takeAll(_ id: String) -> [CheckedContinuation<Envelope, any Error>] {
        waiting.withLock { $0.byID.removeValue(forKey: id)?.map(\.continuation) ?? [] }
    }

    /// Removes and returns one waiter: whoever gets it first (reply, timeout or cancellation)
    /// resumes it.
    func take(_ id: String, token: UInt64) -> CheckedContinuation<Envelope, any Error>? {
        waiting.withLock { state in
            guard var waiters = state.byID[id], let index = waiters.firstIndex(where: { $0.token == token }) else { return nil }
            let waiter = waiters.remove(at: index)
            state.byID[id] = waiters.isEmpty ? nil : waiters
            return waiter.continuation
        }
    }
}
