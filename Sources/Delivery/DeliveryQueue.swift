import BaoxueContracts
import Foundation
import GRDB

/// The deliveries in `<data>/delivery.sqlite`: made in the transaction of their reason, taken
/// one webhook at a time in order (oldest first: a webhook's messages arrive in the order they
/// were made), retried with backoff, listed and resent by people.
public struct DeliveryQueue: Sendable {
    public let database: DatabasePool

    public init(database: DatabasePool) {
        self.database = database
    }

    // MARK: Making deliveries (inside the caller's transaction)

    /// One delivery per webhook the alert event goes to: its township's, its school's, and the
    /// county's when the alert is urgent. Called by the follower in the transaction that stores
    /// the event and moves the cursor, so a crash loses or doubles neither; `(webhook, subject)`
    /// is unique besides.
    static func enqueue(_ db: Database, _ entry: FeedEntry, now: Int64) throws {
        let alert = entry.alert
        let webhooks = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM webhook WHERE removed_at IS NULL AND (township = ? OR school = ? OR (county = 1 AND ?)) ORDER BY id"),
            arguments: [alert.township, alert.school, alert.severity == .urgent]
        ).map(WebhookStore.webhook)
        for webhook in webhooks {
            try insert(db, webhook: webhook, purpose: .alert, subject: "alert:\(entry.seq)", seq: entry.seq, alertID: alert.id, township: alert.township, school: alert.school, payload: WebhookPayload.alert(entry, kind: webhook.kind), now: now)
        }
    }

    /// One delivery per webhook of the surrogate parent a care notice is for (none for a notice
    /// to a school's home, which has no channel of its own). Called by the follower of the care
    /// service in the transaction that moves its cursor; `notice:<id>` is the subject, so a
    /// replayed event makes none twice.
    static func enqueue(_ db: Database, notice: Notice, now: Int64) throws {
        guard notice.recipient == .surrogate else { return }
        let webhooks = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM webhook WHERE removed_at IS NULL AND surrogate = ? ORDER BY id"), arguments: [notice.recipientID]
        ).map(WebhookStore.webhook)
        for webhook in webhooks {
            try insert(db, webhook: webhook, purpose: .notice, subject: "notice:\(notice.id)", seq: nil, alertID: nil, township: notice.township, school: notice.school, payload: WebhookPayload.notice(notice, kind: webhook.kind), now: now)
        }
    }

    /// One delivery of `payload` to `webhook`; nothing if it already has one for `subject`.
    static func insert(_ db: Database, webhook: Webhook, purpose: DeliveryPurpose, subject: String, seq: Int64?, alertID: Int64?, township: String, school: String?, payload: Data, now: Int64) throws {
        try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO delivery (webhook_id, purpose, subject, seq, alert_id, township, school, payload, next_attempt_ms, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [webhook.id, purpose.rawValue, subject, seq, alertID, township, school, payload, now, Timestamp.iso8601(milliseconds: now)])
    }

    // MARK: The worker's side

    /// The ids of the active webhooks.
    func activeWebhookIDs() async throws -> [Int64] {
        try await database.read { db in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM webhook WHERE removed_at IS NULL ORDER BY id")) }
    }

    /// The active webhook with `id`, or nil once it is removed.
    func activeWebhook(id: Int64) async throws -> Webhook? {
        try await database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM webhook WHERE id = ? AND removed_at IS NULL"), arguments: [id]).map(WebhookStore.webhook)
        }
    }

    /// The oldest undelivered, living delivery of a webhook: its queue's head. Later ones wait
    /// behind it, so a webhook receives its messages in order.
    func head(of webhookID: Int64) async throws -> QueuedDelivery? {
        try await database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT id, payload, attempts, next_attempt_ms FROM delivery WHERE webhook_id = ? AND state IN ('pending', 'failed') ORDER BY id LIMIT 1"), arguments: [webhookID]).map {
                QueuedDelivery(id: $0["id"], payload: [UInt8]($0["payload"] as Data), attempts: $0["attempts"], nextAttemptMilliseconds: $0["next_attempt_ms"])
            }
        }
    }

    /// Records one attempt: delivered; or failed with the next attempt after a backoff; or dead
    /// after the last attempt. Only a delivery still waiting is changed (a resend or a removal
    /// in between wins).
    @discardableResult
    func record(_ outcome: DeliveryOutcome, for delivery: QueuedDelivery, policy: DeliveryPolicy, now: Int64, unit: Double) async throws -> DeliveryState {
        let attempts = delivery.attempts + 1
        return try await database.write { db in
            switch outcome {
            case .delivered(let status):
                try db.cachedStatement(sql: "UPDATE delivery SET state = 'delivered', attempts = ?, last_status = ?, delivered_at = ? WHERE id = ? AND state IN ('pending', 'failed')").execute(arguments: [attempts, status, Timestamp.iso8601(milliseconds: now), delivery.id])
                return .delivered
            case .failed(let status, let error):
                let state: DeliveryState = attempts >= policy.maxAttempts ? .dead : .failed
                let next = now + policy.backoffMilliseconds(afterAttempt: attempts, unit: unit)
                try db.cachedStatement(sql: "UPDATE delivery SET state = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_ms = ? WHERE id = ? AND state IN ('pending', 'failed')").execute(arguments: [state.rawValue, attempts, status, String(error.prefix(500)), next, delivery.id])
                return state
            }
        }
    }

    // MARK: People's side

    /// Deliveries, newest first, limited to a township if given.
    public func list(_ query: DeliveryQuery) async throws -> [DeliveryRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if query.failedOnly { conditions.append("d.state IN ('failed', 'dead')") }
        if let state = query.state { conditions.append("d.state = ?"); arguments += [state.rawValue] }
        if let township = query.township { conditions.append("d.township = ?"); arguments += [township] }
        arguments += [min(max(query.limit, 1), 1_000)]
        let sql = "SELECT \(Self.recordColumns) FROM delivery d JOIN webhook w ON w.id = d.webhook_id\(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) ORDER BY d.id DESC LIMIT ?"
        let bound = arguments
        return try await database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(Self.record) }
    }

    /// One delivery.
    /// - Throws: `delivery.notFound`.
    public func delivery(id: Int64) async throws -> DeliveryRecord {
        try await database.read { db in try Self.delivery(db, id: id) }
    }

    /// Puts a failed or dead delivery back at the front of its webhook's queue, with fresh
    /// attempts, due now. A delivered one is not sent twice.
    /// - Throws: `delivery.notFound`, `delivery.notResendable` (delivered, or already waiting),
    ///   `delivery.webhookRemoved`.
    public func resend(id: Int64, now: Int64) async throws -> DeliveryRecord {
        try await database.write { db in
            let record = try Self.delivery(db, id: id)
            guard !record.webhookRemoved else {
                throw ServiceError(.deliveryWebhookRemoved, "推送\(id)的渠道\(record.webhook)已删除，无法重发；如需要请重新添加该渠道 (the webhook \(record.webhook) of delivery \(id) was removed; it cannot be resent, add the webhook again if needed)")
            }
            guard record.state == .failed || record.state == .dead else {
                throw ServiceError(.deliveryNotResendable, "推送\(id)状态为\(record.state.rawValue)，只有failed或dead可以重发 (delivery \(id) is \(record.state.rawValue); only failed and dead deliveries can be resent)")
            }
            try db.cachedStatement(sql: "UPDATE delivery SET state = 'pending', attempts = 0, next_attempt_ms = ? WHERE id = ?").execute(arguments: [now, id])
            return try Self.delivery(db, id: id)
        }
    }

    /// Resends every dead delivery of an active webhook (of one township, if given); how many.
    public func resendAllDead(township: String?, now: Int64) async throws -> Int {
        try await database.write { db in
            var sql = "UPDATE delivery SET state = 'pending', attempts = 0, next_attempt_ms = ? WHERE state = 'dead' AND webhook_id IN (SELECT id FROM webhook WHERE removed_at IS NULL)"
            var arguments: StatementArguments = [now]
            if let township { sql += " AND township = ?"; arguments += [township] }
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }

    static let recordColumns = "d.id, w.name, w.url, w.kind, w.removed_at, d.purpose, d.seq, d.alert_id, d.township, d.school, d.state, d.attempts, d.last_status, d.last_error, d.next_attempt_ms, d.created_at, d.delivered_at"

    static func delivery(_ db: Database, id: Int64) throws -> DeliveryRecord {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(recordColumns) FROM delivery d JOIN webhook w ON w.id = d.webhook_id WHERE d.id = ?"), arguments: [id]) else {
            throw ServiceError(.deliveryNotFound, "没有编号为\(id)的推送记录，用 baoxue alert deliveries 查看 (no delivery \(id); see baoxue alert deliveries)")
        }
        return record(row)
    }

    static func record(_ row: Row) -> DeliveryRecord {
        let state = DeliveryState(rawValue: row["state"]) ?? .pending
        let url: String = row["url"]
        let removedAt: String? = row["removed_at"]
        return DeliveryRecord(
            id: row["id"], webhook: row["name"], url: (try? WebhookURL(url))?.masked ?? "***", kind: WebhookKind(rawValue: row["kind"]) ?? .generic,
            purpose: DeliveryPurpose(rawValue: row["purpose"]) ?? .alert, seq: row["seq"], alertID: row["alert_id"], township: row["township"], school: row["school"],
            state: state, attempts: row["attempts"], lastStatus: row["last_status"], lastError: row["last_error"],
            nextAttemptAt: state == .pending || state == .failed ? Timestamp.iso8601(milliseconds: row["next_attempt_ms"]) : nil,
            createdAt: row["created_at"], deliveredAt: row["delivered_at"], webhookRemoved: removedAt != nil)
    }
}
