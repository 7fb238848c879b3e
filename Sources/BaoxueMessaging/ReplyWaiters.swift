import Foundation
import Synchronization

/// Requests waiting for their replies, by request id. A class so the client's reader task and its
/// timeout tasks can share it (a `Mutex` cannot be copied into closures).
final class ReplyWaiters: Sendable {
    private let waiting = Mutex<[String: CheckedContinuation<Envelope, any Error>]>([:])

    func add(_ id: String, _ continuation: CheckedContinuation<Envelope, any Error>) {
        waiting.withLock { $0[id] = continuation }
    }

    /// Removes and returns the waiter for `id`: whoever gets it first (reply or timeout) resumes it.
    func take(_ id: String) -> CheckedContinuation<Envelope, any Error>? {
        waiting.withLock { $0.removeValue(forKey: id) }
    }
}
