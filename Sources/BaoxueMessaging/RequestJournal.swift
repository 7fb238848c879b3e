import BaoxueContracts
import Foundation
import GRDB

/// Remembers the answer to every write request by its id, in the same transaction as the write,
/// so a retried request (same id) gets its first answer instead of being applied twice.
public enum RequestJournal {
    public static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS request_journal (
                id TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                digest TEXT NOT NULL,
                reply BLOB NOT NULL,
                at TEXT NOT NULL
            )
            """)
    }

    /// The stored answer to the request, if a request with its id was already applied. An id
    /// reused for a different request (another type or body) is refused, never answered with
    /// the other request's reply.
    public static func reply(_ db: Database, for context: RequestContext) throws -> Data? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT type, digest, reply FROM request_journal WHERE id = ?"), arguments: [context.requestID]) else {
            return nil
        }
        guard row[0] == context.type, BodyDigest.matches(stored: row[1], current: context.bodyDigest, legacy: context.legacyBodyDigest) else {
            throw ServiceError(.requestIDReused, "请求编号\(context.requestID)已用于另一个请求；每个新请求须用新编号，只有重试才复用 (request id \(context.requestID) was already used for a different request; only a retry may reuse an id)")
        }
        return row[2]
    }

    /// Deletes the answers recorded before `cutoff` (ISO 8601 UTC), at most `limit` of them in
    /// this transaction, and returns how many. A request retried after that long is applied again
    /// if it is still valid (decision 124): its client's deadline is long past, and the records it
    /// holds (full ones, in the answers) should not outlive their use.
    public static func prune(_ db: Database, before cutoff: String, limit: Int = 10_000) throws -> Int {
        // Made here rather than in every service's migrations: cheap, and idempotent.
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS request_journal_by_time ON request_journal(at)")
        try db.execute(sql: "DELETE FROM request_journal WHERE rowid IN (SELECT rowid FROM request_journal WHERE at < ? ORDER BY at LIMIT ?)", arguments: [cutoff, limit])
        return db.changesCount
    }

    public static func record(_ db: Database, context: RequestContext, reply: Data) throws {
        try db.cachedStatement(sql: "INSERT INTO request_journal (id, type, digest, reply, at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [context.requestID, context.type, context.bodyDigest, reply, Timestamp.now()])
    }

    /// Runs `work` once per request id, in the next round of `commits` (decision 131): a repeated
    /// id returns the first answer and does nothing else, and work that finishes after the
    /// request's deadline is rolled back (`request.expired`). The request shares its transaction
    /// with the requests that arrived beside it, each in its own savepoint, and is answered once
    /// the round has committed.
    public static func once<Output: Codable & Sendable>(
        _ commits: GroupCommit, context: RequestContext,
        _ work: @escaping @Sendable (Database) throws -> Output
    ) async throws -> Output {
        try await commits.write(weight: context.bodyBytes) { db in try journaled(db, context: context, work) }
    }

    private static func journaled<Output: Codable & Sendable>(_ db: Database, context: RequestContext, _ work: (Database) throws -> Output) throws -> Output {
        if let stored = try reply(db, for: context) {
            return try WireCoding.decode(Output.self, from: stored)
        }
        let output = try work(db)
        // Past the deadline the client has said "unavailable": roll back rather than apply
        // what it was told did not happen.
        try context.checkDeadline()
        try record(db, context: context, reply: try WireCoding.encode(output))
        return output
    }
}
