import GRDB

extension DatabaseWriter {
    /// `updates` in one write transaction; then, once it has committed, `afterCommit` on the same
    /// connection and thread, before any other write can start. The publisher reads what the
    /// transaction wrote there (``EventPublisher/publishCommitted(_:)``): commit order is
    /// publication order, with no read transaction or thread hop in between.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T, afterCommit: (@Sendable (Database) -> Void)?) async throws -> T {
        try await writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction {
                result = try updates(db)
                return .commit
            }
            afterCommit?(db)
            return result!
        }
    }
}
