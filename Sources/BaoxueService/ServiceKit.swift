import BaoxueContracts
import BaoxueMessaging
import Configuration
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Synchronization
import ZeroMQ

/// What every Baoxue service runs on, assembled from its configuration: the ZeroMQ loop, the
/// SQLite file with its migrations, the outbox publisher, subscriptions to other services, and
/// the request server with the handlers every service answers (`service.status`, its replay).
///
/// A service's application is three steps:
/// ```swift
/// let kit = try await ServiceKit(.monitor, configuration: configuration, logger: logger, migrator: MonitorSchema.migrator)
/// let registry = try await kit.follow(.registry) { db, event in try store.apply(db, event, today: today()) }
/// try await kit.serve(MonitorService(kit: kit, store: store).router, counts: store.counts)
/// ```
/// and its executable runs ``services`` in a `ServiceGroup` (``ServiceMain``).
///
/// Configuration keys, besides ``ServiceConfiguration``'s shared ones:
/// - `<service>.curve.publicKey|secretKey|allowedClients`: this service's CurveZMQ keys and the
///   clients it serves; required to bind beyond loopback (``BindPolicy``).
/// - `<service>.<publisher>` and `<service>.<publisher>Events` (string): a followed publisher's
///   request and event endpoints, default from the port plan (`monitor.registryEvents`).
/// - `<service>.<publisher>PublicKey` (string): the followed publisher's CurveZMQ public key,
///   when it speaks CURVE; this service then needs its own key pair.
public final class ServiceKit: Sendable {
    public let name: ServiceName
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let loop: MessageLoop
    public let database: DatabasePool
    public let publisher: EventPublisher
    /// Write requests that arrive together share a transaction (``GroupCommit``, decision 131).
    public let commits: GroupCommit
    /// Bulk writes (a request heavier than ``heaviestRoundBytes``) slow the checkpointer while
    /// they go on (decision 158).
    public let checkpointPace: CheckpointPace
    public let startedAt = Timestamp.now()
    private let curve: CurveKeyPair?
    private let parts = Mutex<(followers: [EventSubscriber], server: RequestServer?)>(([], nil))

    /// Opens the database (migrating it), starts the loop and binds the publisher.
    /// - Parameter pageSize: of the service's SQLite file when it is made (``ServiceDatabase``).
    /// - Throws: `config.curveRequired` for a bind beyond loopback without keys; SQLite errors.
    public init(_ name: ServiceName, configuration: ServiceConfiguration, logger: Logger, migrator: DatabaseMigrator, pageSize: Int = ServiceDatabase.defaultPageSize) async throws {
        self.name = name
        self.configuration = configuration
        self.logger = logger
        let curve = configuration.curveKeys
        self.curve = curve
        // With keys, this loop also answers ZAP: only the configured clients are served.
        loop = MessageLoop(name: "\(name)-zmq", allowedClientKeys: curve == nil ? nil : configuration.allowedClientKeys, maximumMessageBytes: configuration.maximumMessageBytes)
        let pace = CheckpointPace()
        checkpointPace = pace
        database = try ServiceDatabase.open(path: configuration.databasePath, migrator: migrator, checkpointMilliseconds: try configuration.checkpointMilliseconds(), pageSize: pageSize, pace: pace)
        let publisher = EventPublisher(publisher: name.rawValue, loop: loop, database: database, logger: logger)
        self.publisher = publisher
        // What a round of write requests committed leaves at once, from the writer's thread.
        commits = GroupCommit(writer: database, heaviestRound: Self.heaviestRoundBytes, writesInline: true, afterCommit: { db in publisher.publishCommitted(db) })
        try await publisher.start(bind: configuration.bindings(of: name).events, curve: curve)
    }

    /// Follows `source`'s events into this service's database: `apply` runs inside the write
    /// transaction that moves the stored cursor, in sequence order, once per event; right after
    /// each commit the events the application wrote are published, from the writer's thread.
    @discardableResult
    public func follow(_ source: ServiceName, apply: @escaping @Sendable (Database, ReceivedEvent) throws -> Void) async throws -> EventSubscriber {
        let reader = configuration.reader
        var sourceCurve: CurveRole?
        if let sourceKey = reader.string(forKey: ConfigKey("\(name).\(source)PublicKey")) {
            // Half a configuration would talk plain TCP to a CURVE publisher and fail quietly.
            guard let curve else {
                throw ServiceError(.configInvalid, "\(name).\(source)PublicKey is set but the \(name) service has no key pair (\(name).curve.publicKey and secretKey): set both, or neither")
            }
            sourceCurve = .client(curve, serverPublicKey: sourceKey)
        }
        let ports = configuration.ports
        let requests = try await RequestClient(
            loop: loop, endpoint: reader.string(forKey: ConfigKey("\(name).\(source)")) ?? ports.requests(source), service: source.rawValue, curve: sourceCurve)
        let publisher = self.publisher
        let sink = SQLiteEventSink(writer: database, publisher: source.rawValue, apply: apply, publish: { db in publisher.publishCommitted(db) }, writesInline: true)
        let subscriber = EventSubscriber(
            publisher: source.rawValue, loop: loop, eventsEndpoint: reader.string(forKey: ConfigKey("\(name).\(source)Events")) ?? ports.events(source),
            requests: requests, sink: sink, logger: logger, curve: sourceCurve)
        parts.withLock { $0.followers.append(subscriber) }
        return subscriber
    }

    /// Binds the request server with `router`'s handlers plus `service.status` (whose counts come
    /// from `counts`, read in one transaction) and this publisher's replay.
    @discardableResult
    public func serve(_ router: RequestRouter, counts: @escaping @Sendable (Database) throws -> [String: Int]) async throws -> RequestServer {
        var router = router
        let database = self.database, name = self.name, startedAt = self.startedAt
        let followers = parts.withLock { $0.followers }
        router.on(ServiceMessage.status) { query, _ in
            var following: [SubscriberStatus] = []
            for follower in followers { following.append(await follower.status) }
            let subscriptions = following
            return try await database.read { db in
                ServiceHealth(
                    service: name.rawValue, version: BaoxueVersion.current, pid: ProcessInfo.processInfo.processIdentifier,
                    startedAt: startedAt, lastSeq: try Outbox.lastSeq(db), compactedThrough: try Outbox.compactedThrough(db), counts: query.counts ? try counts(db) : [:], subscriptions: subscriptions)
            }
        }
        EventPublisher.registerReplay(publisher: name.rawValue, on: &router, database: database)
        let server = try await RequestServer(loop: loop, bind: configuration.bindings(of: name).requests, router: router, logger: logger, curve: curve)
        parts.withLock { $0.server = server }
        let events = await publisher.endpoint
        logger.info("\(name) listening", metadata: [
            "requests": "\(server.endpoint)", "events": "\(events)", "database": "\(configuration.databasePath)",
            "follows": "\(followers.map { $0.publisher }.joined(separator: ","))",
        ])
        return server
    }

    /// The request bytes one round of the group commit carries at most (decision 151): a few
    /// hundred rows of an import, or every small request waiting. An import batch of a county's
    /// file (2,500 rows, over a megabyte) is a round of its own, answered as soon as it is
    /// written, so the gateway sends the next while the writer writes the ones already waiting.
    public static let heaviestRoundBytes = 256 << 10

    /// A write request's work, done once per request id (``RequestJournal``) in one transaction
    /// shared with the requests beside it, each in its own savepoint (``GroupCommit``); the events
    /// it wrote are published right after the commit, before it is answered.
    /// A request heavier than a round is a bulk write: it is noted when it arrives and when it is
    /// done, and the checkpointer keeps its slower pace in between and a little after.
    public func write<Output: Codable & Sendable>(_ context: RequestContext, _ work: @escaping @Sendable (Database) throws -> Output) async throws -> Output {
        let bulk = context.bodyBytes >= Self.heaviestRoundBytes
        if bulk { checkpointPace.noteBulkWrite() }
        defer { if bulk { checkpointPace.noteBulkWrite() } }
        return try await RequestJournal.once(commits, context: context, work)
    }

    /// A read in one transaction.
    public func read<Output: Sendable>(_ work: @escaping @Sendable (Database) throws -> Output) async throws -> Output {
        try await database.read(work)
    }

    /// The request server, once ``serve(_:counts:)`` has bound it.
    public var server: RequestServer? { parts.withLock { $0.server } }

    /// The long-running parts to run in a `ServiceGroup`: the request server, the publisher's
    /// heartbeat and every subscription.
    public var services: [any Service] {
        let (followers, server) = parts.withLock { ($0.followers, $0.server) }
        return (server.map { [RequestServerService($0)] } ?? []) + [EventPublisherService(publisher)] + followers.map(EventSubscriberService.init)
            + [RetentionService(database: database, journalDays: configuration.journalRetentionDays, outboxDays: configuration.outboxRetentionDays, logger: logger)]
    }

    /// Closes every socket; the executable calls it once the group has stopped.
    public func shutdown() {
        loop.shutdown()
    }
}
