import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB

/// The alert events the gateway has followed, in `<data>/delivery.sqlite`: written by the
/// follower in the transaction that moves its cursor, read by the stream (from any event id on)
/// and by the delivery workers.
public final class AlertFeed: Sendable {
    public let database: DatabasePool

    /// Events written before this instant (milliseconds since 1970) are in the feed but make no
    /// deliveries and never escalate: a store made anew (a first start, a lost or deleted
    /// `delivery.sqlite`) catches up on the whole alert history, which every group chat already
    /// had or no longer needs.
    public let deliverFrom: Int64

    /// - Parameter fromPresent: for a store made now, deliver only events written from now on
    ///   (`gateway.delivery.newStore: present`, the default); false delivers the history too
    ///   (`history`). A store that exists keeps the instant it was made with.
    public init(dataDirectory: String, fromPresent: Bool = true, now: Int64 = Timestamp.nowMilliseconds()) throws {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("delivery.sqlite").path
        // Owner only, as every database (``ServiceDatabase``): it holds the webhooks' addresses.
        database = try ServiceDatabase.open(path: path, migrator: DeliverySchema.migrator)
        deliverFrom = try database.write { db in
            if let stored = try Int64.fetchOne(db, sql: "SELECT deliver_from_ms FROM delivery_start") { return stored }
            // A store that has followed events before (made by an older version) delivered all
            // along; only a store with nothing in it starts from the present.
            let fresh = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM alert_event) + (SELECT COUNT(*) FROM subscriber_cursor)") == 0
            let from = fresh && fromPresent ? now : 0
            try db.execute(sql: "INSERT INTO delivery_start (deliver_from_ms) VALUES (?)", arguments: [from])
            return from
        }
    }

    /// Whether an event written at `sentAt` (its header's) makes deliveries.
    func delivers(sentAt: String) -> Bool {
        guard deliverFrom > 0 else { return true }
        return (Timestamp.milliseconds(iso8601: sentAt) ?? 0) >= deliverFrom
    }

    /// Stores one of `publisher`'s events if it is an alert event, under the feed's next sequence
    /// number; returns the entry for the deliveries and the broadcaster, or nil for another event
    /// or one already stored (a replay).
    static func store(_ db: Database, _ event: ReceivedEvent, from publisher: ServiceName) throws -> FeedEntry? {
        guard event.header.type == AlertMessage.event(publisher) else { return nil }
        var alert = try WireCoding.decode(Alert.self, from: event.body)
        alert.service = publisher
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO alert_event (publisher, publisher_seq, alert_id, township, school, rule, severity, state, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [publisher.rawValue, event.seq, alert.id, alert.township, alert.school, alert.rule.rawValue, alert.severity.rawValue, alert.state.rawValue, event.body, Timestamp.now()])
        guard db.changesCount > 0 else { return nil }
        return FeedEntry(seq: db.lastInsertedRowID, alert: alert)
    }

    /// Entries after `seq`, in order, limited to a township (nil: all), at most `limit`.
    public func entries(after seq: Int64, township: String?, school: String? = nil, limit: Int = 1_000) async throws -> [FeedEntry] {
        var sql = "SELECT seq, publisher, body FROM alert_event WHERE seq > ?"
        var arguments: StatementArguments = [seq]
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND school = ?"; arguments += [school] }
        sql += " ORDER BY seq LIMIT ?"
        arguments += [limit]
        let bound = arguments, query = sql
        return try await database.read { db in
            try Row.fetchAll(db, sql: query, arguments: bound).map { row in
                var alert = try WireCoding.decode(Alert.self, from: row["body"])
                alert.service = ServiceName(rawValue: row["publisher"]) ?? .monitor
                return FeedEntry(seq: row["seq"], alert: alert)
            }
        }
    }

    /// The newest event's sequence number (0 when empty).
    public func lastSeq() async throws -> Int64 {
        try await database.read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(seq), 0) FROM alert_event")) ?? 0 }
    }
}
