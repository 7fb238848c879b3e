import Foundation
import Synchronization

/// One result handed from a thread of our own to the thread that waits for it: the caller blocks
/// in ``wait()`` until the other thread calls ``finish(_:)``. For work that must run on a
/// particular thread (``SpawningThread``) or on a throwaway one (``IdlePriority/isAvailable``).
final class ThreadHandoff<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let done = NSCondition()

    func finish(_ result: Value) {
        done.lock()
        value.withLock { $0 = result }
        done.signal()
        done.unlock()
    }

    func wait() -> Value {
        done.lock()
        defer { done.unlock() }
        while true {
            if let result = value.withLock({ $0 }) { return result }
            done.wait()
        }
    }
}
