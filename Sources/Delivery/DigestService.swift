import BaoxueContracts
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Sends each township's daily digest (每日汇总) to its township webhooks at
/// `gateway.digest.time` county time: open alerts, open cases, overdue visits. Once per township
/// per day: the digest is recorded in the transaction that makes its deliveries. A gateway that
/// was down at the time sends it when it comes back, the same day. Townships without a webhook
/// get none.
public struct DigestService: Service {
    /// Makes one township's digest for a day (the gateway asks the monitor, as the township).
    public typealias Compose = @Sendable (_ township: String, _ day: CivilDate) async throws -> TownshipDigest

    let database: DatabasePool
    let schedule: DigestSchedule
    let compose: Compose
    let doorbell: DeliveryDoorbell
    /// Milliseconds since 1970 (injected: tests move time themselves).
    let now: @Sendable () -> Int64
    let interval: Duration
    let logger: Logger

    public init(database: DatabasePool, schedule: DigestSchedule, compose: @escaping Compose, doorbell: DeliveryDoorbell, now: @escaping @Sendable () -> Int64 = Timestamp.nowMilliseconds, interval: Duration = .seconds(60), logger: Logger) {
        self.database = database
        self.schedule = schedule
        self.compose = compose
        self.doorbell = doorbell
        self.now = now
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sent = try await send(now: now())
                    if !sent.isEmpty { logger.info("daily digests", metadata: ["townships": "\(sent.joined(separator: ","))"]) }
                } catch {
                    logger.error("daily digest failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Sends the digests due at `now` (milliseconds since 1970): for each township with a
    /// webhook and no digest yet today, once the time has come. Returns the townships sent to.
    /// A township whose digest cannot be made (the monitor does not answer) is tried again on
    /// the next call.
    @discardableResult
    public func send(now: Int64) async throws -> [String] {
        let (day, due) = schedule.day(at: now)
        guard due else { return [] }
        let townships = try await database.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT township FROM webhook
                WHERE removed_at IS NULL AND township IS NOT NULL AND township NOT IN (SELECT township FROM digest WHERE day = ?)
                ORDER BY township
                """, arguments: [day.description])
        }
        var sent: [String] = []
        var failure: (any Error)?
        for township in townships {
            let digest: TownshipDigest
            do {
                digest = try await compose(township, day)
            } catch {
                logger.warning("cannot make a township's digest", metadata: ["township": "\(township)", "error": "\(error)"])
                failure = error
                continue
            }
            let recorded = try await database.write { db -> Bool in
                try db.execute(sql: "INSERT OR IGNORE INTO digest (township, day, sent_at) VALUES (?, ?, ?)", arguments: [township, day.description, Timestamp.iso8601(milliseconds: now)])
                guard db.changesCount > 0 else { return false }
                let webhooks = try Row.fetchAll(db, sql: "SELECT * FROM webhook WHERE removed_at IS NULL AND township = ? ORDER BY id", arguments: [township]).map(WebhookStore.webhook)
                for webhook in webhooks {
                    try DeliveryQueue.insert(
                        db, webhook: webhook, purpose: .digest, subject: "digest:\(township):\(day)", seq: nil, alertID: nil,
                        township: township, school: nil, payload: WebhookPayload.digest(digest, kind: webhook.kind), now: now)
                }
                return true
            }
            if recorded { sent.append(township) }
        }
        if !sent.isEmpty { doorbell.ring() }
        if sent.isEmpty, let failure { throw failure }
        return sent
    }
}
