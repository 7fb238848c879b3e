import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Escalates to the county (上报县级) every alert still open — not acknowledged, not resolved —
/// `gateway.escalation.afterMinutes` after it was raised (240 by default): once per alert, with
/// the reason, to every county webhook. The escalation is recorded in the transaction that makes
/// its deliveries, so it never repeats, and an alert acknowledged or resolved in time never
/// escalates. Urgent alerts reach the county at once anyway (``DeliveryQueue``); this is for
/// everything else nobody picked up.
public struct EscalationService: Service {
    let database: DatabasePool
    let afterMinutes: Int
    let doorbell: DeliveryDoorbell
    /// Milliseconds since 1970 (injected: tests move time themselves).
    let now: @Sendable () -> Int64
    public var interval: Duration
    let logger: Logger
    /// Whether the feed has caught up with every alerting service. Until it has, an alert that
    /// looks open may have an acknowledgement still to come, so nothing escalates.
    public var caughtUp: @Sendable () async -> Bool = { true }
    /// Alerts raised before this instant whose escalation was due before it too are not escalated:
    /// a store made anew does not know whether the lost one escalated them (``AlertFeed/deliverFrom``).
    public var deliverFrom: Int64 = 0

    public init(database: DatabasePool, afterMinutes: Int, doorbell: DeliveryDoorbell, now: @escaping @Sendable () -> Int64 = Timestamp.nowMilliseconds, interval: Duration = .seconds(60), logger: Logger) {
        self.database = database
        self.afterMinutes = afterMinutes
        self.doorbell = doorbell
        self.now = now
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    guard await caughtUp() else {
                        try? await Task.sleep(for: interval)
                        continue
                    }
                    let escalated = try await escalate(now: now())
                    if escalated > 0 { logger.info("escalated alerts to the county", metadata: ["alerts": "\(escalated)"]) }
                } catch {
                    logger.error("escalation failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Escalates what is due at `now` (milliseconds since 1970); returns how many alerts.
    @discardableResult
    public func escalate(now: Int64) async throws -> Int {
        let threshold = Int64(afterMinutes) * 60_000
        let reasonPrefix = "待签收超过\(Self.span(minutes: afterMinutes))"
        let escalated = try await database.write { db -> Int in
            // Each alert's latest event says where it stands now.
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.seq, e.publisher, e.body FROM alert_event e
                JOIN (SELECT publisher, alert_id, MAX(seq) AS seq FROM alert_event GROUP BY publisher, alert_id) latest ON latest.seq = e.seq
                WHERE e.state = 'open' AND NOT EXISTS (SELECT 1 FROM escalation x WHERE x.publisher = e.publisher AND x.alert_id = e.alert_id)
                ORDER BY e.seq
                """)
            let county = try Row.fetchAll(db, sql: "SELECT * FROM webhook WHERE removed_at IS NULL AND county = 1 ORDER BY id").map(WebhookStore.webhook)
            var count = 0
            for row in rows {
                var alert = try WireCoding.decode(Alert.self, from: row["body"])
                alert.service = ServiceName(rawValue: row["publisher"]) ?? .monitor
                let entry = FeedEntry(seq: row["seq"], alert: alert)
                guard let created = Timestamp.milliseconds(iso8601: entry.alert.createdAt), created + threshold <= now, created + threshold >= deliverFrom else { continue }
                let reason = "\(reasonPrefix)（\(WebhookPayload.countyTime(entry.alert.createdAt)) 产生，至今未签收）"
                try db.execute(
                    sql: "INSERT INTO escalation (publisher, alert_id, township, reason, escalated_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [entry.alert.service.rawValue, entry.alert.id, entry.alert.township, reason, Timestamp.iso8601(milliseconds: now)])
                for webhook in county {
                    try DeliveryQueue.insert(
                        db, webhook: webhook, purpose: .escalation, subject: "escalation:\(entry.alert.service):\(entry.alert.id)", seq: entry.seq, alertID: entry.alert.id,
                        township: entry.alert.township, school: entry.alert.school, payload: WebhookPayload.escalation(entry, reason: reason, kind: webhook.kind), now: now)
                }
                count += 1
            }
            return count
        }
        if escalated > 0 { doorbell.ring() }
        return escalated
    }

    /// `4小时`, `90分钟`.
    static func span(minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60)小时" : "\(minutes)分钟"
    }
}
