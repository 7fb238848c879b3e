#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The one thread every ``SpawnedProcess`` of a process is started from; it lives as long as
/// the process.
///
/// A supervised child asks Linux for SIGTERM when its parent dies (``ParentWatch/arm(environment:)``),
/// and Linux sends it when the *thread* that started the child ends, not the process. Swift's
/// concurrency runs on libdispatch's worker threads, which end after a few idle seconds: a service
/// started from one of them would be stopped while its supervisor ran on. Starting every child
/// here keeps the signal for the death of the process. A start takes about a millisecond
/// (`posix_spawn` is a vfork), so callers simply wait for it.
final class SpawningThread: Sendable {
    static let shared = SpawningThread()

    /// Work waiting for the thread, first in first out.
    private let queue = Mutex<[@Sendable () -> Void]>([])
    private let pending = NSCondition()

    private init() {
        let thread = Thread { [self] in
            while true { next()() }
        }
        thread.name = "baoxue-spawn"
        thread.start()
    }

    /// The next job, waiting for one.
    private func next() -> @Sendable () -> Void {
        pending.lock()
        defer { pending.unlock() }
        while true {
            if let job = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return job }
            pending.wait()
        }
    }

    /// Runs `work` on the spawning thread and returns its result, blocking the caller meanwhile.
    func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result {
        let outcome = ThreadHandoff<Result>()
        pending.lock()
        queue.withLock { $0.append { outcome.finish(work()) } }
        pending.signal()
        pending.unlock()
        return outcome.wait()
    }
}
