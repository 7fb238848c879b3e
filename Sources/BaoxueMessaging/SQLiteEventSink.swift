import GRDB

/// An ``EventSink`` over the subscriber's own SQLite file: the cursor lives in table
/// `subscriber_cursor`, updated in the transaction that applies the events.
public struct SQLiteEventSink: EventSink {
    private let writer: any DatabaseWriter
    private let publisher: String
    private let applyEvent: @Sendable (Database, ReceivedEvent) throws -> Void
    private let afterCommit: (@Sendable ([ReceivedEvent]) async -> Void)?
    private let publish: (@Sendable (Database) -> Void)?
    private let writesInline: Bool

    /// - Parameters:
    ///   - apply: applies one event's effects; called inside the write transaction, in sequence
    ///     order, only for events after the stored cursor.
    ///   - afterCommit: told the events just applied, once their transaction has committed (to
    ///     hand them to live listeners, which must never see uncommitted work).
    ///   - publish: runs on the writer's connection and thread right after each commit: the
    ///     service's publisher sends the events the application wrote (``EventPublisher``).
    ///   - writesInline: batches are applied on the subscriber's own thread when they may, as a
    ///     service's group commit does (``GroupCommit``, decision 132).
    public init(
        writer: any DatabaseWriter, publisher: String, apply: @escaping @Sendable (Database, ReceivedEvent) throws -> Void,
        afterCommit: (@Sendable ([ReceivedEvent]) async -> Void)? = nil, publish: (@Sendable (Database) -> Void)? = nil, writesInline: Bool = false
    ) {
        self.writer = writer
        self.publisher = publisher
        self.applyEvent = apply
        self.afterCommit = afterCommit
        self.publish = publish
        self.writesInline = writesInline
    }

    public static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS subscriber_cursor (
                publisher TEXT PRIMARY KEY,
                seq INTEGER NOT NULL
            )
            """)
    }

    public func cursor() async throws -> Int64 {
        let publisher = self.publisher
        return try await writer.read { db in try SQLiteEventSink.storedCursor(db, publisher: publisher) }
    }

    public func apply(_ events: [ReceivedEvent], gapsThrough: Int64 = 0) async throws -> Int64 {
        let publisher = self.publisher
        let applyEvent = self.applyEvent
        let publish = self.publish
        // The events applied are gathered only for `afterCommit`: a copy of each event (its
        // header's strings retained one by one) cost a follower without one for nothing.
        let gathers = afterCommit != nil
        let (cursor, applied) = try await writer.write({ db in
            var cursor = try SQLiteEventSink.storedCursor(db, publisher: publisher)
            var applied: [ReceivedEvent] = []
            for event in events where event.seq > cursor {
                // A gap means an event is missing: stop, and let the subscriber replay from here.
                // In a compacted range superseded events are gone: any later number follows.
                guard event.seq == cursor + 1 || event.seq <= gapsThrough + 1 else { break }
                try applyEvent(db, event)
                if gathers { applied.append(event) }
                cursor = event.seq
            }
            try SQLiteEventSink.storeCursor(db, publisher: publisher, seq: cursor)
            return (cursor, applied)
        }, afterCommit: publish, inline: writesInline)
        if let afterCommit, !applied.isEmpty { await afterCommit(applied) }
        return cursor
    }

    public func rewind(to seq: Int64) async throws {
        let publisher = self.publisher
        try await writer.write { db in
            try SQLiteEventSink.storeCursor(db, publisher: publisher, seq: seq)
        }
    }

    public func epoch() async throws -> String? {
        let publisher = self.publisher
        return try await writer.read { db in
            // Made by the first `follow(epoch:)`: stores older than epochs have no such table.
            guard try db.tableExists("subscriber_epoch") else { return nil }
            return try String.fetchOne(db, sql: "SELECT epoch FROM subscriber_epoch WHERE publisher = ?", arguments: [publisher])
        }
    }

    public func follow(epoch: String, rewindTo seq: Int64?) async throws {
        let publisher = self.publisher
        try await writer.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS subscriber_epoch (publisher TEXT PRIMARY KEY, epoch TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO subscriber_epoch (publisher, epoch) VALUES (?, ?) ON CONFLICT(publisher) DO UPDATE SET epoch = excluded.epoch", arguments: [publisher, epoch])
            if let seq {
                try SQLiteEventSink.storeCursor(db, publisher: publisher, seq: seq)
            }
        }
    }

    static func storeCursor(_ db: Database, publisher: String, seq: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO subscriber_cursor (publisher, seq) VALUES (?, ?) ON CONFLICT(publisher) DO UPDATE SET seq = excluded.seq").execute(arguments: [publisher, seq])
    }

    static func storedCursor(_ db: Database, publisher: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM subscriber_cursor WHERE publisher = ?"), arguments: [publisher]) ?? 0
    }
}
