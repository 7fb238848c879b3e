import BaoxueContracts
import Foundation
import GRDB

/// The transactional outbox (ARCHITECTURE.md): a change and the event announcing it are written in
/// one SQLite transaction, so a crash between the two loses nothing. The row id is the publisher's
/// sequence number, gap-free from 1: rows are never deleted (see docs/decisions.md on pruning).
public struct Outbox: Sendable {
    /// The publishing service's name, the first word of every topic it publishes.
    public let publisher: String

    public init(publisher: String) {
        self.publisher = publisher
    }

    /// Creates the outbox table. Call from the service's migrator.
    public static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS outbox (
                seq INTEGER PRIMARY KEY,
                topic TEXT NOT NULL,
                header BLOB NOT NULL,
                body BLOB NOT NULL
            )
            """)
    }

    /// Appends an event inside the caller's write transaction and returns its sequence number.
    @discardableResult
    public func append(_ db: Database, type: String, topic: String, body: some Encodable, actor: Actor?) throws -> Int64 {
        try append(db, type: type, topic: topic, encodedBody: try WireCoding.encode(body), actor: actor)
    }

    /// Appends an event whose body is already JSON.
    @discardableResult
    public func append(_ db: Database, type: String, topic: String, encodedBody: Data, actor: Actor?) throws -> Int64 {
        // Writers are serialised by SQLite, so max + 1 inside the transaction is the next number,
        // and the header can carry it from the start.
        let seq = try Outbox.lastSeq(db) + 1
        // The publisher and sequence number already identify the event uniquely and stably.
        let header = MessageHeader(type: type, id: "\(publisher)-\(seq)", actor: actor, publisher: publisher, seq: seq)
        try db.cachedStatement(sql: "INSERT INTO outbox (seq, topic, header, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [seq, topic, try WireCoding.encode(header), encodedBody])
        return seq
    }

    /// The highest sequence number written, 0 when none.
    public static func lastSeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1")) ?? 0
    }

    /// Events after `seq`, oldest first, as `[topic, header, body]` frames.
    public static func events(_ db: Database, after seq: Int64, limit: Int) throws -> [StoredEvent] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT seq, topic, header, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"),
            arguments: [seq, limit])
        return rows.map { StoredEvent(seq: $0[0], topic: $0[1], header: $0[2], body: $0[3]) }
    }
}

/// One outbox row, ready to publish.
public struct StoredEvent: Sendable {
    public var seq: Int64
    public var topic: String
    public var header: Data
    public var body: Data

    public var frames: [Data] { [Data(topic.utf8), header, body] }
}
