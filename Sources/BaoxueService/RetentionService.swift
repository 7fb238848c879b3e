import BaoxueContracts
import BaoxueMessaging
import GRDB
import Logging
import ServiceLifecycle

/// Keeps a service's database from growing with time, once at start and then hourly, in small
/// transactions so writers never wait long:
/// - the request journal loses answers older than `journal.retentionDays` (default 30,
///   decision 124);
/// - the outbox is compacted (decision 125): every event older than `outbox.retentionDays`
///   (default 30) that a later event, also that old, supersedes (the same school, student,
///   alert or case, ``Compactable``) is removed, so the outbox grows with what the county holds,
///   not with how often it changed, and a subscriber that is new, or was away longer than the
///   retention, replays each record's latest state instead of its whole history.
public struct RetentionService: Service {
    let database: any DatabaseWriter
    let journalDays: Int
    let outboxDays: Int
    let logger: Logger

    public init(database: any DatabaseWriter, journalDays: Int = 30, outboxDays: Int = 30, logger: Logger) {
        self.database = database
        self.journalDays = journalDays
        self.outboxDays = outboxDays
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let now = Timestamp.nowMilliseconds()
                await pruneJournal(now: now)
                await compactOutbox(now: now)
                try? await Task.sleep(for: .seconds(3_600))
            }
        }
    }

    /// Prunes what is older than the retention at `now`; returns how many answers went.
    @discardableResult
    public func pruneJournal(now: Int64) async -> Int {
        let cutoff = Timestamp.iso8601(milliseconds: now - Int64(journalDays) * 86_400_000)
        var total = 0
        do {
            while true {
                let pruned = try await database.write { db in try RequestJournal.prune(db, before: cutoff, limit: 5_000) }
                total += pruned
                if pruned < 5_000 { break }
            }
        } catch {
            logger.error("request journal pruning failed", metadata: ["error": "\(error)"])
        }
        if total > 0 { logger.info("request journal pruned", metadata: ["answers": "\(total)", "before": "\(cutoff)"]) }
        return total
    }

    /// Marks the outbox's end at `now` and compacts what the retention allows; returns how far
    /// compaction has got.
    @discardableResult
    public func compactOutbox(now: Int64) async -> Int64 {
        let retention = Int64(outboxDays) * 86_400_000
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
