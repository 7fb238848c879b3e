import BaoxueContracts
import BaoxueMessaging
import GRDB
import Logging
import ServiceLifecycle

/// Serves a ``RequestServer`` until graceful shutdown (SIGTERM, SIGINT).
public struct RequestServerService: Service {
    let server: RequestServer
    public init(_ server: RequestServer) { self.server = server }
    public func run() async throws {
        try await cancelWhenGracefulShutdown { await server.run() }
    }
}

/// Heartbeats an ``EventPublisher`` until graceful shutdown.
public struct EventPublisherService: Service {
    let publisher: EventPublisher
    public init(_ publisher: EventPublisher) { self.publisher = publisher }
    public func run() async throws {
        try await cancelWhenGracefulShutdown { await publisher.run() }
    }
}

/// Follows a publisher with an ``EventSubscriber`` until graceful shutdown.
public struct EventSubscriberService: Service {
    let subscriber: EventSubscriber
    public init(_ subscriber: EventSubscriber) { self.subscriber = subscriber }
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await subscriber.run() }
    }
}

/// Prunes the request journal of answers older than the retention (`journal.retentionDays`,
/// default 30), once at start and then hourly, in small transactions so writers never wait long.
public struct JournalPruningService: Service {
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
                await prune(now: Timestamp.nowMilliseconds())
                try? await Task.sleep(for: .seconds(3_600))
            }
        }
    }

    /// Prunes what is older than the retention at `now`; returns how many answers went.
    @discardableResult
    public func prune(now: Int64) async -> Int {
        let cutoff = Timestamp.iso8601(milliseconds: now - Int64(retentionDays) * 86_400_000)
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
}
