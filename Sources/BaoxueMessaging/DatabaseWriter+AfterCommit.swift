import GRDB
import Synchronization

extension DatabaseWriter {
    /// `updates` in one write transaction; then, once it has committed, `afterCommit` on the same
    /// connection and thread, before any other write can start. The publisher reads what the
    /// transaction wrote there (``EventPublisher/publishCommitted(_:)``): commit order is
    /// publication order, with no read transaction or thread hop in between.
    ///
    /// With `inline`, the transaction runs on the calling thread when it may (``InlineWrites``):
    /// GRDB's asynchronous write hands it to the writer's dispatch queue and back, two thread
    /// wake-ups per transaction, which at a thousand status changes a second were a tenth of the
    /// services' CPU and most of the median latency (decision 132).
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T, afterCommit: (@Sendable (Database) -> Void)?, inline: Bool) async throws -> T {
        if inline, InlineWrites.begin() {
            defer { InlineWrites.end() }
            return try writeHere(updates, afterCommit: afterCommit)
        }
        return try await writeWithoutTransaction { db in try Self.transaction(db, updates, afterCommit: afterCommit) }
    }

    /// The synchronous write: GRDB runs it on this thread once the writer is free.
    private func writeHere<T>(_ updates: (Database) throws -> T, afterCommit: ((Database) -> Void)?) throws -> T {
        try writeWithoutTransaction { db in try Self.transaction(db, updates, afterCommit: afterCommit) }
    }

    private static func transaction<T>(_ db: Database, _ updates: (Database) throws -> T, afterCommit: ((Database) -> Void)?) throws -> T {
        var result: T?
        try db.inTransaction {
            result = try updates(db)
            return .commit
        }
        afterCommit?(db)
        return result!
    }
}

/// Whether a write may run on the calling thread of Swift's concurrency pool, blocking it until
/// the writer is free and the transaction done.
///
/// Blocking one of the pool's threads (as many as cores) is cheap while writes are short, and
/// saves two thread hops per transaction. But a long write elsewhere on the same database (a
/// rule sweep, a compaction step) would keep every thread that waits behind it, and with all of
/// them waiting the process could not answer a read. So at most one thread per process writes
/// inline at a time; any other write meanwhile takes GRDB's asynchronous path, as before.
enum InlineWrites {
    private static let inUse = Atomic<Bool>(false)

    /// Claims the one inline write; false when another thread holds it.
    static func begin() -> Bool {
        inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    static func end() {
        inUse.store(false, ordering: .releasing)
    }
}
