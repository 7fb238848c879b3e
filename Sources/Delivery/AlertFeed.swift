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

    public init(dataDirectory: String) throws {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("delivery.sqlite").path
        database = try ServiceDatabase.open(path: path, migrator: DeliverySchema.migrator)
        chmod(path, 0o600)
    }

    /// Stores one event if it is an alert event; returns the entry for the broadcaster.
    static func store(_ db: Database, _ event: ReceivedEvent) throws -> FeedEntry? {
        guard event.header.type == MonitorMessage.Event.alert else { return nil }
        let alert = try WireCoding.decode(Alert.self, from: event.body)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO alert_event (seq, publisher, alert_id, township, school, rule, severity, state, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [event.seq, event.header.publisher ?? "monitor", alert.id, alert.township, alert.school, alert.rule.rawValue, alert.severity.rawValue, alert.state.rawValue, event.body, Timestamp.now()])
        return FeedEntry(seq: event.seq, alert: alert)
    }

    /// Entries after `seq`, in order, limited to a township (nil: all), at most `limit`.
    public func entries(after seq: Int64, township: String?, school: String? = nil, limit: Int = 1_000) async throws -> [FeedEntry] {
        var sql = "SELECT seq, body FROM alert_event WHERE seq > ?"
        var arguments: StatementArguments = [seq]
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND school = ?"; arguments += [school] }
        sql += " ORDER BY seq LIMIT ?"
        arguments += [limit]
        let bound = arguments, query = sql
        return try await database.read { db in
            try Row.fetchAll(db, sql: query, arguments: bound).map { row in
                FeedEntry(seq: row["seq"], alert: try WireCoding.decode(Alert.self, from: row["body"]))
            }
        }
    }

    /// The newest event's sequence number (0 when empty).
    public func lastSeq() async throws -> Int64 {
        try await database.read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(seq), 0) FROM alert_event")) ?? 0 }
    }
}
