import BaoxueContracts
import Foundation
import GRDB
import Logging
import Synchronization
import ZeroMQ

/// Publishes a service's outbox on a PUB socket, and heartbeats its last sequence number so that
/// subscribers notice lag and missed events (the zguide's Clone pattern).
///
/// The writer publishes what it committed at once, from its own connection and thread
/// (``publishCommitted(_:)``, decision 131): commit order is publication order, and no read
/// transaction or thread hop stands between a commit and its events. Code that writes outside
/// the service kit calls ``wake()`` after committing; the heartbeat also publishes anything a
/// missed wake left behind. Events published before a subscriber connected are not lost: it
/// replays them through the publisher's `<publisher>.replay` request.
public actor EventPublisher {
    public let publisher: String
    private let loop: MessageLoop
    private let database: any DatabaseReader
    private let logger: Logger
    private let heartbeat: Duration
    /// The PUB socket and the last sequence number sent on it, shared by the writer's thread
    /// (after each commit) and the heartbeat: whoever holds the lock reads what was committed
    /// after `published` and sends it, so every event leaves once and in order.
    private let sending = Mutex<(socket: SocketID?, published: Int64)>((nil, 0))
    /// The outbox's history (decision 127), told in every heartbeat; read again each tick.
    private var epoch: String?
    /// The endpoint bound.
    public private(set) var endpoint: String = ""

    /// The heartbeat topic of a publisher: every subscriber also subscribes to it.
    public static func heartbeatTopic(_ publisher: String) -> String { "\(publisher).heartbeat" }

    public init(publisher: String, loop: MessageLoop, database: any DatabaseReader, logger: Logger, heartbeat: Duration = .seconds(1)) {
        self.publisher = publisher
        self.loop = loop
        self.database = database
        self.logger = logger
        self.heartbeat = heartbeat
    }

    /// Binds the PUB socket. Events already in the outbox are not re-sent live; subscribers that
    /// need them replay.
    public func start(bind: String, curve: CurveKeyPair? = nil) async throws {
        try BindPolicy.check(bind, curve: curve)
        let (socket, _) = try await loop.open(SocketSpec(type: .publisher, bind: [bind], curve: curve.map(CurveRole.server)))
        endpoint = await loop.lastEndpoint(of: socket) ?? bind
        let (published, epoch) = try await database.read { (try Outbox.lastSeq($0), try Outbox.history($0)?.epoch) }
        self.epoch = epoch
        sending.withLock { $0 = (socket, published) }
    }

    /// Publishes every event committed since the last call, reading them on `db`: the writer's
    /// connection right after its commit, or a reader. Thread-safe; callers never wait for each
    /// other longer than one read of the outbox's tail.
    public nonisolated func publishCommitted(_ db: Database) {
        sending.withLock { state in
            guard let socket = state.socket else { return }
            do {
                while true {
                    let events = try Outbox.events(db, after: state.published, limit: 5_000)
                    guard let last = events.last else { break }
                    loop.send(messages: events.map(\.frames), on: socket)
                    state.published = last.seq
                    if events.count < 5_000 { break }
                }
            } catch {
                logger.error("outbox read failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Publishes every event committed since the last call, read on a reader connection: for
    /// code that writes outside ``ServiceKit`` (sweeps, batch runners).
    public func wake() async {
        try? await database.read { db in self.publishCommitted(db) }
    }

    /// Heartbeats until cancelled.
    public func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: heartbeat)
            await rereadOutboxEnd()
            await wake()
            let topic = EventPublisher.heartbeatTopic(publisher)
            let body = (try? WireCoding.encode(Heartbeat(epoch: epoch))) ?? Data("{}".utf8)
            // Under the lock: a heartbeat never leaves after an event it does not count, which a
            // subscriber would take for a publisher gone back in time (and replay to check).
            sending.withLock { state in
                guard let socket = state.socket,
                    let header = try? WireCoding.encode(MessageHeader(type: topic, publisher: publisher, seq: state.published))
                else { return }
                loop.send([Data(topic.utf8), header, body], on: socket)
            }
        }
    }

    /// Once a tick, the outbox's real end: if it is below what was published (the database was
    /// put back under the running process), the heartbeat says so at once, and the events written
    /// from there on are published instead of waiting behind numbers already sent.
    private func rereadOutboxEnd() async {
        // Read before the snapshot starts: every event published by then was committed before
        // it, so an outbox ending below this number was put back, not merely read early.
        let published = sending.withLock { $0.published }
        guard let (last, history) = try? await database.read({ (try Outbox.lastSeq($0), try Outbox.history($0)) }) else { return }
        epoch = history?.epoch
        guard last < published else { return }
        logger.critical("the outbox ends before what was published; publishing from its end", metadata: ["published": "\(published)", "outboxEnd": "\(last)"])
        sending.withLock { $0.published = last }
    }

    /// Registers `<publisher>.replay` on a service's router: answers from the outbox.
    public static func registerReplay(publisher: String, on router: inout RequestRouter, database: any DatabaseReader) {
        router.onRaw(ServiceMessage.replay(publisher)) { envelope, _ in
            let request = try envelope.decodeBody(ReplayRequest.self)
            let limit = min(max(request.limit, 1), 10_000)
            let (events, lastSeq, compactedThrough, history) = try await database.read { db in
                (try Outbox.events(db, after: request.after, limit: limit), try Outbox.lastSeq(db), try Outbox.compactedThrough(db), try Outbox.history(db))
            }
            return Reply(
                body: try WireCoding.encode(ReplayBatch(count: events.count, lastSeq: lastSeq, compactedThrough: compactedThrough, epoch: history?.epoch, restartedAfter: history?.restartedAfter)),
                extra: events.flatMap(\.frames))
        }
    }
}
