import BaoxueContracts
import BaoxueMessaging
import GRDB
import Logging
import ServiceLifecycle

/// Compacts the outbox (decision 125) once at start and then hourly: every event older than the
/// retention (`outbox.retentionDays`, default 30) that a later event, also that old, supersedes
/// (the same school, student, alert or case, ``Compactable``) is removed, 5,000 events a
/// transaction so writers never wait long. The outbox then grows with what the county holds, not
/// with how often it changed, and a subscriber that is new, or was away longer than the
/// retention, replays each record's latest state instead of its whole history.
public struct OutboxCompactionService: Service {
    let database: any DatabaseWriter
    let retentionDays: Int
    let logger: Logger

    public init(database: any DatabaseWriter, retentionDays: Int, logger: Logger) {
        self.database = database
        self.retentionDays = retentionDays
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await compact(now: Timestamp.nowMilliseconds())
                try? await Task.sleep(for: .seconds(3_600))
            }
        }
    }

    /// Marks the outbox's end at `now` and compacts what the retention allows; returns how far
    /// compaction has got.
    @discardableResult
    public func compact(now: Int64) async -> Int64 {
        let retention = Int64(retentionDays) * 86_400_000
        do {
            let (through, before) = try await database.write { db in
                (try Outbox.mark(db, now: now, retention: retention), try Outbox.compactedThrough(db))
            }
            var removed = 0
            while true {
                let step = try await database.write { db in try Outbox.compact(db, through: through) }
                removed += step.removed
                if step.covered == 0 { break }
            }
            if through > before {
                logger.info("outbox compacted", metadata: ["through": "\(through)", "superseded": "\(removed)"])
            }
            return max(through, before)
        } catch {
            logger.error("outbox compaction failed", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
