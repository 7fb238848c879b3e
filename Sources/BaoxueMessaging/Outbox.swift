import BaoxueContracts
import Foundation
import GRDB

/// The transactional outbox (ARCHITECTURE.md): a change and the event announcing it are written in
/// one SQLite transaction, so a crash between the two loses nothing. Events are numbered by the
/// publisher's sequence number, gap-free from 1 as written; a row is one event under its number,
/// or a run of one transaction's events under the last of theirs (``OutboxRun``, decision 143).
/// Compaction (decision 125) later removes events whose thing a later event states again
/// (``Compactable``), once both are older than the retention; the last event is never removed,
/// so max + 1 stays the next number.
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
                body BLOB NOT NULL,
                events INTEGER
            )
            """)
    }

    /// Adds what compaction needs to an outbox made before it (decision 125): each event's key
    /// (NULL: kept for ever), the marks that date sequence numbers, and how far compaction has
    /// gone. Call from the service's migrator after ``migrate(_:)``; `bodies` names, for each
    /// event type with a ``Compactable`` body, the body's type, so that the events already
    /// written get the key new ones get, and a year of history is compacted too.
    public static func migrateCompaction(_ db: Database, bodies: [String: any (Decodable & Compactable).Type]) throws {
        if try !db.columns(in: "outbox").contains(where: { $0.name == "key" }) {
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN key TEXT")
        }
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS outbox_by_key ON outbox(key, seq) WHERE key IS NOT NULL;
            CREATE TABLE IF NOT EXISTS outbox_mark (
                at INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS outbox_compaction (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                through INTEGER NOT NULL
            );
            """)
        if try history(db) == nil { try startNewHistory(db, after: 0) }
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT seq, header, body FROM outbox WHERE seq > ? AND key IS NULL ORDER BY seq LIMIT 5000", arguments: [after])
            guard let last = rows.last else { break }
            for row in rows {
                guard let header = try? WireCoding.decode(MessageHeader.self, from: row["header"] as Data),
                    let bodyType = bodies[header.type],
                    let eventKey = (try? WireCoding.decode(bodyType, from: row["body"] as Data))?.outboxKey
                else { continue }
                try db.execute(sql: "UPDATE outbox SET key = ? WHERE seq = ?", arguments: [eventKey, row["seq"] as Int64])
            }
            after = last["seq"]
        }
    }

    /// Appends an event inside the caller's write transaction and returns its sequence number. A
    /// ``Compactable`` body is keyed, so a later event about the same thing supersedes it.
    @discardableResult
    public func append(_ db: Database, type: String, topic: String, body: some Encodable, actor: Actor?) throws -> Int64 {
        try append(db, type: type, topic: topic, encodedBody: try WireCoding.encode(body), key: (body as? any Compactable)?.outboxKey, actor: actor)
    }

    /// Appends an event whose body is already JSON; `key` as ``Compactable/outboxKey`` (nil: kept
    /// for ever).
    @discardableResult
    public func append(_ db: Database, type: String, topic: String, encodedBody: Data, key: String?, actor: Actor?) throws -> Int64 {
        // Writers are serialised by SQLite, so max + 1 inside the transaction is the next number,
        // and the header can carry it from the start.
        let seq = try Outbox.lastSeq(db) + 1
        try insert(db, seq: seq, type: type, topic: topic, encodedBody: encodedBody, key: key, actor: actor)
        return seq
    }

    /// Appends many events in one transaction (an import's one per child) through one appender:
    /// it reads the outbox's end once instead of once per event, and writes its last run of
    /// events when `body` returns. Every event of that transaction must go through it.
    public func appending<T>(_ db: Database, _ body: (inout OutboxAppender) throws -> T) throws -> T {
        var appender = OutboxAppender(outbox: self, next: try Outbox.lastSeq(db) + 1)
        let result = try body(&appender)
        try appender.flush(db)
        return result
    }

    /// Adds the column that marks a row holding a run of events (``OutboxRun``, decision 143):
    /// NULL for a row of one event. Call from the service's migrator: an outbox made before runs
    /// lacks it (``migrate(_:)`` makes new ones with it).
    public static func migrateRuns(_ db: Database) throws {
        if try !db.columns(in: "outbox").contains(where: { $0.name == "events" }) {
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN events INTEGER")
        }
    }

    /// The statement that stores one event: its arguments are the sequence number, the topic, the
    /// encoded ``header(type:seq:actor:)``, the body and the compaction key.
    public static let insertSQL = "INSERT INTO outbox (seq, topic, header, body, key) VALUES (?, ?, ?, ?, ?)"

    /// The statement that stores a run of events (``OutboxRun``): the run's last sequence number,
    /// the events' type, the last event's header, the packed events and how many there are.
    static let insertRunSQL = "INSERT INTO outbox (seq, topic, header, body, events) VALUES (?, ?, ?, ?, ?)"

    /// The header stored with event `seq`: the publisher and sequence number already identify
    /// the event uniquely and stably.
    public func header(type: String, seq: Int64, actor: Actor?) -> MessageHeader {
        MessageHeader(type: type, id: "\(publisher)-\(seq)", actor: actor, publisher: publisher, seq: seq)
    }

    func insert(_ db: Database, seq: Int64, type: String, topic: String, encodedBody: Data, key: String?, actor: Actor?) throws {
        try Self.insert(db, seq: seq, OutboxRun.Entry(topic: topic, header: try WireCoding.encode(header(type: type, seq: seq, actor: actor)), body: encodedBody, key: key))
    }

    /// Stores one event as its own row: as written, a run of one, or a run's event unpacked.
    static func insert(_ db: Database, seq: Int64, _ event: OutboxRun.Entry) throws {
        try db.cachedStatement(sql: insertSQL).execute(arguments: [seq, event.topic, event.header, event.body, event.key])
    }

    /// Which history the outbox holds (decision 127): `epoch` names it, and `restartedAfter` is
    /// the last event it shares with the history before it. A restore starts a new one, so that
    /// a subscriber that applied events the restored outbox no longer has goes back to
    /// `restartedAfter` and applies what the publisher writes from there, instead of skipping
    /// those numbers as already seen. Nil for an outbox made before epochs.
    public static func history(_ db: Database) throws -> (epoch: String, restartedAfter: Int64)? {
        guard try db.tableExists("outbox_epoch"), let row = try Row.fetchOne(db, sql: "SELECT epoch, after FROM outbox_epoch WHERE id = 1") else { return nil }
        return (row["epoch"], row["after"])
    }

    /// Starts a new history after event `after` (the outbox's end, when a backup is put back).
    public static func startNewHistory(_ db: Database, after: Int64? = nil) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS outbox_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), epoch TEXT NOT NULL, after INTEGER NOT NULL)")
        try db.execute(
            sql: "INSERT INTO outbox_epoch (id, epoch, after) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET epoch = excluded.epoch, after = excluded.after",
            arguments: [UUID().uuidString.lowercased(), try after ?? lastSeq(db)])
    }

    /// How far compaction has gone: at or below this number, events whose thing a later event
    /// states again may be gone, so a replay may skip numbers there (0: nothing compacted).
    public static func compactedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT through FROM outbox_compaction WHERE id = 1")) ?? 0
    }

    /// Notes that the outbox reached its current end at `now` (milliseconds), and returns the
    /// highest number written at least `retention` milliseconds ago (0 when none is that old):
    /// what compaction may go up to. Marks older than the one returned are dropped.
    public static func mark(_ db: Database, now: Int64, retention: Int64) throws -> Int64 {
        try db.execute(sql: "INSERT OR REPLACE INTO outbox_mark (at, seq) VALUES (?, ?)", arguments: [now, try lastSeq(db)])
        guard let old = try Row.fetchOne(db, sql: "SELECT at, seq FROM outbox_mark WHERE at <= ? ORDER BY at DESC LIMIT 1", arguments: [now - retention]) else { return 0 }
        try db.execute(sql: "DELETE FROM outbox_mark WHERE at < ?", arguments: [old["at"] as Int64])
        return old["seq"]
    }

    /// Compacts up to `limit` more events of those numbered up to `through`: removes every keyed
    /// event that a later event of the same key, also numbered up to `through`, supersedes.
    /// Returns how many numbers this step covered (0 when compaction has reached `through`) and
    /// how many events it removed.
    ///
    /// Incremental: only events after the last step can supersede anything new, so each step
    /// looks at the next `limit` of them and removes what they supersede (an index range each).
    @discardableResult
    public static func compact(_ db: Database, through: Int64, limit: Int64 = 5_000) throws -> (covered: Int64, removed: Int) {
        let from = try compactedThrough(db)
        guard through > from else { return (0, 0) }
        let to = min(through, from + limit)
        try unpackRuns(db, after: from, through: to)
        try db.execute(
            sql: """
                DELETE FROM outbox WHERE key IN (SELECT key FROM outbox WHERE seq > :from AND seq <= :to AND key IS NOT NULL)
                    AND seq < (SELECT MAX(newer.seq) FROM outbox AS newer WHERE newer.key = outbox.key AND newer.seq <= :to)
                """, arguments: ["from": from, "to": to])
        let removed = db.changesCount
        try db.execute(sql: "INSERT INTO outbox_compaction (id, through) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET through = excluded.through", arguments: [to])
        return (to - from, removed)
    }

    /// Writes the runs of events (``OutboxRun``) that start at or before `to` and were not
    /// unpacked by an earlier step back as single rows, with their keys: the same numbers and
    /// bytes, so that compaction supersedes an import's events as it does any other. Runs that
    /// started at or before `from` were unpacked by the step that covered them.
    static func unpackRuns(_ db: Database, after from: Int64, through to: Int64) throws {
        let runs = try Row.fetchAll(
            db, sql: "SELECT seq, body, events FROM outbox WHERE seq > ? AND seq <= ? AND events IS NOT NULL AND seq - events < ?",
            arguments: [from, to + Int64(OutboxRun.limit), to])
        for run in runs {
            let last: Int64 = run[0]
            let entries = try OutboxRun.entries(run[1] as Data, lastSeq: last, count: run[2])
            try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [last])
            for (seq, entry) in entries { try insert(db, seq: seq, entry) }
        }
    }

    /// The highest sequence number written, 0 when none.
    public static func lastSeq(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1")) ?? 0
    }

    /// Up to `limit` events after `seq`, oldest first, as `[topic, header, body]` frames; a row
    /// holding a run of events (``OutboxRun``) gives its events one by one, as single rows would.
    public static func events(_ db: Database, after seq: Int64, limit: Int) throws -> [StoredEvent] {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT seq, topic, header, body, events FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"),
            arguments: [seq, limit])
        var events: [StoredEvent] = []
        while events.count < limit, let row = try rows.next() {
            if let count = row[4] as Int? {
                // Read where SQLite holds it (each event's bytes are copied out of it): a run is a
                // megabyte and more, and copying it whole first cost a page fault every 4 KiB.
                let packed = row.dataNoCopy(atIndex: 3) ?? Data()
                for (number, entry) in try OutboxRun.entries(packed, lastSeq: row[0], count: count, after: seq, limit: limit - events.count) {
                    events.append(StoredEvent(seq: number, topic: entry.topic, header: entry.header, body: entry.body))
                }
            } else {
                events.append(StoredEvent(seq: row[0], topic: row[1], header: row[2], body: row[3]))
            }
        }
        return events
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
