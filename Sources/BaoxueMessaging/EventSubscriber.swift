import BaoxueContracts
import Foundation
import Logging
import ZeroMQ

/// Follows one publisher's events into an ``EventSink``, never losing or repeating one.
///
/// It subscribes to the publisher's whole stream (`<publisher>.`) so that sequence numbers are
/// contiguous and a gap always means a lost message; it replays from the publisher's outbox on
/// start, on a gap, and when a heartbeat announces events it has not seen. When the heartbeat
/// stops it marks itself stale and keeps trying. Starting order does not matter: a subscriber
/// started before its publisher catches up when the publisher appears.
public actor EventSubscriber {
    public nonisolated let publisher: String
    private let loop: MessageLoop
    private let eventsEndpoint: String
    private let requests: RequestClient
    private let sink: any EventSink
    private let logger: Logger
    private let heartbeatTimeout: Duration
    private var cursor: Int64 = 0
    private var publisherSeq: Int64 = 0
    private var lastHeartbeat = ContinuousClock.now
    private var stale = false
    private var diverged = false
    private var catchingUp = false
    private var waiters: [(Int64, CheckedContinuation<Void, Never>)] = []
    private let curve: CurveRole?

    public init(publisher: String, loop: MessageLoop, eventsEndpoint: String, requests: RequestClient, sink: any EventSink, logger: Logger, heartbeatTimeout: Duration = .seconds(3), curve: CurveRole? = nil) {
        self.curve = curve
        self.publisher = publisher
        self.loop = loop
        self.eventsEndpoint = eventsEndpoint
        self.requests = requests
        self.sink = sink
        self.logger = logger
        self.heartbeatTimeout = heartbeatTimeout
    }

    public var status: SubscriberStatus {
        SubscriberStatus(publisher: publisher, cursor: cursor, publisherSeq: publisherSeq, stale: stale, diverged: diverged)
    }

    /// Returns once the cursor has reached `seq` (for tests and benchmarks).
    public func waitUntilApplied(_ seq: Int64) async {
        if cursor >= seq { return }
        await withCheckedContinuation { waiters.append((seq, $0)) }
    }

    /// Follows the stream until cancelled.
    public func run() async throws {
        let (socket, stream) = try await loop.open(
            SocketSpec(type: .subscriber, connect: [eventsEndpoint], subscriptions: ["\(publisher)."], curve: curve))
        defer { loop.close(socket) }
        cursor = try await sink.cursor()
        advance(to: cursor)
        await catchUp()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.watchHeartbeat() }
            group.addTask {
                for await batch in stream {
                    try await self.receive(batch)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func receive(_ batch: [[Data]]) async throws {
        var events: [ReceivedEvent] = []
        var behind = false
        for frames in batch {
            guard let event = ReceivedEvent(frames: frames[...]) else { continue }
            if event.topic == EventPublisher.heartbeatTopic(publisher) {
                lastHeartbeat = .now
                if stale {
                    stale = false
                    logger.info("publisher heartbeat back", metadata: ["publisher": "\(publisher)"])
                }
                if event.seq < cursor, !diverged {
                    // The publisher's outbox is behind what this subscriber applied: it was
                    // restored from a backup or lost its last writes. Its next numbers would be
                    // skipped as duplicates; say so loudly rather than silently drop events.
                    diverged = true
                    logger.critical("publisher sequence went backwards; events may be skipped until an operator resyncs", metadata: ["publisher": "\(publisher)", "publisherSeq": "\(event.seq)", "cursor": "\(cursor)"])
                }
                publisherSeq = max(publisherSeq, event.seq)
                continue
            }
            publisherSeq = max(publisherSeq, event.seq)
            events.append(event)
        }
        if !events.isEmpty, !catchingUp {
            let expected = cursor + 1
            let fresh = events.filter { $0.seq > cursor }
            if let first = fresh.first {
                if first.seq == expected {
                    advance(to: try await sink.apply(fresh))
                } else {
                    behind = true
                }
            }
        }
        if publisherSeq > cursor { behind = true }
        if behind { await catchUp() }
    }

    /// Replays from the outbox until the cursor reaches the publisher's last sequence number.
    private func catchUp() async {
        guard !catchingUp else { return }
        catchingUp = true
        defer { catchingUp = false }
        while true {
            do {
                let reply = try await requests.send(
                    type: ServiceMessage.replay(publisher).type, body: WireCoding.encode(ReplayRequest(after: cursor, limit: 2_000)),
                    actor: .system, policy: .init(timeout: .seconds(2), attempts: 1))
                if let error = reply.replyError { throw error }
                let batch = try reply.decodeBody(ReplayBatch.self)
                var events: [ReceivedEvent] = []
                var index = reply.extra.startIndex
                while index + 3 <= reply.extra.endIndex {
                    if let event = ReceivedEvent(frames: reply.extra[index..<index + 3]) { events.append(event) }
                    index += 3
                }
                publisherSeq = max(publisherSeq, batch.lastSeq)
                if !events.isEmpty { advance(to: try await sink.apply(events)) }
                if events.isEmpty || cursor >= batch.lastSeq { return }
            } catch {
                logger.warning("replay failed; will retry", metadata: ["publisher": "\(publisher)", "error": "\(error)"])
                return
            }
        }
    }

    /// Replays when the heartbeat stops, and when events the publisher announced a whole tick
    /// ago are still not applied. Not for events announced since the last tick: those are
    /// usually being applied right now (this task runs while `receive` awaits the sink), and
    /// replaying them would only make the live events behind them wait.
    private func watchHeartbeat() async {
        var announcedAtLastTick: Int64 = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: heartbeatTimeout / 3)
            if ContinuousClock.now - lastHeartbeat > heartbeatTimeout {
                if !stale {
                    stale = true
                    logger.warning("publisher heartbeat missing", metadata: ["publisher": "\(publisher)"])
                }
                await catchUp()
            } else if cursor < announcedAtLastTick {
                await catchUp()
            }
            announcedAtLastTick = publisherSeq
        }
    }

    private func advance(to newCursor: Int64) {
        cursor = max(cursor, newCursor)
        let ready = waiters.filter { $0.0 <= cursor }
        waiters.removeAll { $0.0 <= cursor }
        for (_, continuation) in ready { continuation.resume() }
    }
}
