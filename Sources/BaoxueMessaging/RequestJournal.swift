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
                reply BLOB NOT NULL,
                at TEXT NOT NULL
            )
            """)
    }

    /// The stored answer to `requestID`, if that request was already applied.
    public static func reply(_ db: Database, for requestID: String) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT reply FROM request_journal WHERE id = ?"), arguments: [requestID])
    }

    public static func record(_ db: Database, requestID: String, type: String, reply: Data) throws {
        try db.cachedStatement(sql: "INSERT INTO request_journal (id, type, reply, at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [requestID, type, reply, Timestamp.now()])
    }

    /// Runs `work` once per request id inside one write transaction: a repeated id returns the
    /// first answer and does nothing else.
    public static func once<Output: Codable & Sendable>(
        _ writer: any DatabaseWriter, context: RequestContext,
        _ work: @escaping @Sendable (Database) throws -> Output
    ) async throws -> Output {
        try await writer.write { db in
            if let stored = try reply(db, for: context.requestID) {
                return try WireCoding.decode(Output.self, from: stored)
            }
            let output = try work(db)
            try record(db, requestID: context.requestID, type: context.type, reply: try WireCoding.encode(output))
            return output
        }
    }
}
