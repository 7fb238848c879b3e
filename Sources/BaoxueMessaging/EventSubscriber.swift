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
///
/// Nothing an event or a publisher does ends it: an event that fails to apply, one that cannot be
/// read, or a replay that fails makes it **degraded** (``SubscriberStatus/problem`` says why, in
/// `service.status` and `/healthz`) and it tries again with a growing pause (``retryPause``), so
/// the rest of the service keeps serving while an operator looks. Only one replay is ever in
/// flight.
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
    /// Why the last attempt to apply or replay failed; nil when the last one succeeded.
    private var problem: String?
    /// Failed attempts in a row, for the pause before the next.
    private var failures = 0
    /// No replay before this instant (the pause after a failure).
    private var retryAt: ContinuousClock.Instant?
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
        SubscriberStatus(publisher: publisher, cursor: cursor, publisherSeq: publisherSeq, stale: stale, diverged: diverged, problem: problem)
    }

    /// Whether a replay has confirmed the cursor reached the publisher's end, and it has kept up
    /// since: what a consumer that must not act on half a history (escalation) waits for.
    public var isCaughtUp: Bool { confirmedCaughtUp && !stale && problem == nil && cursor >= publisherSeq }
    private var confirmedCaughtUp = false
    /// When the cursor last followed the publisher back in time (milliseconds since 1970).
    private var resyncedAt: Int64?
    /// The publisher's history the cursor belongs to (decision 127), as stored with it.
    private var epoch: String?

    /// Returns once the cursor has reached `seq` (for tests and benchmarks).
    public func waitUntilApplied(_ seq: Int64) async {
        if cursor >= seq { return }
        await withCheckedContinuation { waiters.append((seq, $0)) }
    }

    /// Follows the stream until cancelled. Throws only when its socket cannot be made (a
    /// configuration fault at start-up); nothing an event or the publisher does ends it.
    public func run() async throws {
        let (socket, stream) = try await loop.open(
            SocketSpec(type: .subscriber, connect: [eventsEndpoint], subscriptions: ["\(publisher)."], curve: curve))
        defer { loop.close(socket) }
        while !Task.isCancelled {
            do {
                cursor = try await sink.cursor()
                epoch = try await sink.epoch()
                break
            } catch {
                await failed("the stored cursor could not be read: \(error)")
                try? await Task.sleep(for: retryPause)
            }
        }
        advance(to: cursor)
        await catchUp()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.watchHeartbeat() }
            group.addTask {
                var messages = stream.makeAsyncIterator()
                while var batch = await messages.next() {
                    // What arrived while the last batch was being applied is applied with this
                    // one, in one transaction: under load the batches grow, and the commits, WAL
                    // pages and thread hops per event fall, instead of a queue growing behind
                    // one commit per event.
                    while stream.waiting > 0, batch.count < 5_000, let more = await messages.next() { batch += more }
                    await self.receive(batch)
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// The pause before the next attempt after `failures` failures in a row: 0.5 s doubling to
    /// 30 s, so a poisoned event costs a line in the log every half minute, not a busy loop.
    var retryPause: Duration {
        .milliseconds(min(500 << min(max(failures - 1, 0), 6), 30_000))
    }

    private func failed(_ reason: String) async {
        failures += 1
        retryAt = .now + retryPause
        if problem != reason {
            logger.error("subscriber degraded; will retry", metadata: ["publisher": "\(publisher)", "cursor": "\(cursor)", "problem": "\(reason)", "retryIn": "\(retryPause)"])
        }
        problem = reason
    }

    private func succeeded() {
        if problem != nil {
            logger.info("subscriber recovered", metadata: ["publisher": "\(publisher)", "cursor": "\(cursor)"])
        }
        problem = nil
        failures = 0
        retryAt = nil
    }

    /// Applies events in order, returning whether the cursor moved; a failure is recorded, not
    /// thrown.
    private func apply(_ events: [ReceivedEvent], gapsThrough: Int64 = 0) async -> Bool {
        let before = cursor
        do {
            advance(to: try await sink.apply(events, gapsThrough: gapsThrough))
        } catch {
            await failed("event \(before + 1) could not be applied: \(error)")
            return false
        }
        return cursor > before
    }

    private func receive(_ batch: [[Data]]) async {
        var events: [ReceivedEvent] = []
        var behind = false
        var previous: ReceivedEvent?
        for frames in batch {
            guard let event = ReceivedEvent(frames: frames[...], previous: previous) else { continue }
            previous = event
            if event.topic == EventPublisher.heartbeatTopic(publisher) {
                lastHeartbeat = .now
                if stale {
                    stale = false
                    // Back after an outage: try at once rather than wait out a pause.
                    retryAt = nil
                    logger.info("publisher heartbeat back", metadata: ["publisher": "\(publisher)"])
                }
                // Below the cursor: perhaps the publisher went back in time (restored from a
                // backup), perhaps only a heartbeat sent between a commit and its publication.
                // The replay's answer, read from the outbox itself, tells which (catchUp).
                if event.seq < cursor { behind = true }
                // Another history (the publisher was restored): the replay's answer says where
                // it restarted (catchUp).
                if let announced = (try? WireCoding.decode(Heartbeat.self, from: event.body))?.epoch, announced != epoch { behind = true }
                publisherSeq = max(publisherSeq, event.seq)
                continue
            }
            publisherSeq = max(publisherSeq, event.seq)
            // Live events written before a resync may be the lost history still on its way here
            // (same numbers, other events): only the outbox, by replay, is trusted for those.
            if let resyncedAt, (Timestamp.milliseconds(iso8601: event.header.sentAt) ?? 0) < resyncedAt {
                behind = true
                continue
            }
            events.append(event)
        }
        if !events.isEmpty, !catchingUp, problem == nil {
            let expected = cursor + 1
            // Nearly always every event is new: filtering copied each one (its header's strings
            // retained one by one) for nothing.
            let fresh = events.allSatisfy { $0.seq > cursor } ? events : events.filter { $0.seq > cursor }
            if let first = fresh.first {
                if first.seq == expected {
                    if await apply(fresh) { succeeded() }
                } else {
                    behind = true
                }
            }
        }
        if publisherSeq > cursor { behind = true }
        if behind { await catchUp() }
    }

    /// Replays from the outbox until the cursor reaches the publisher's last sequence number.
    /// One replay at a time, and none during the pause after a failure.
    private func catchUp() async {
        guard !catchingUp else { return }
        if let retryAt, ContinuousClock.now < retryAt { return }
        catchingUp = true
        defer { catchingUp = false }
        while !Task.isCancelled {
            let reply: Envelope
            let batch: ReplayBatch
            do {
                reply = try await requests.send(
                    type: ServiceMessage.replay(publisher).type, body: WireCoding.encode(ReplayRequest(after: cursor, limit: 2_000)),
                    actor: .system, policy: .init(timeout: .seconds(2), attempts: 1, grace: .milliseconds(500)))
                if let error = reply.replyError { throw error }
                batch = try reply.decodeBody(ReplayBatch.self)
            } catch {
                // The publisher is down or slow: the heartbeat says when it is back.
                logger.warning("replay failed; will retry", metadata: ["publisher": "\(publisher)", "error": "\(error)"])
                return
            }
            // Up to the first event that cannot be read: past it, a compacted range would let the
            // next one follow, and the unreadable one would be skipped unseen.
            var events: [ReceivedEvent] = []
            var unreadable = 0
            var index = reply.extra.startIndex
            while index + 3 <= reply.extra.endIndex {
                guard let event = ReceivedEvent(frames: reply.extra[index..<index + 3], previous: events.last) else {
                    unreadable += 1
                    break
                }
                events.append(event)
                index += 3
            }
            if let announced = batch.epoch, announced != epoch {
                guard await follow(history: announced, restartedAfter: batch.restartedAfter) else { return }
                continue
            }
            if batch.lastSeq < cursor {
                await resync(publisherAt: batch.lastSeq)
                return
            }
            publisherSeq = max(publisherSeq, batch.lastSeq)
            if cursor >= batch.lastSeq {
                confirmedCaughtUp = true
                succeeded()
                return
            }
            // Below where the publisher has compacted (decision 125), superseded events are gone
            // and the first one kept follows; above it, the next number must come.
            guard let first = events.first, first.seq == cursor + 1 || (first.seq > cursor && first.seq <= batch.compactedThrough + 1) else {
                await failed(
                    unreadable > 0
                        ? "the event after \(cursor) from \(publisher) cannot be read (it is unreadable in the replay)"
                        : "the replay from \(publisher) did not start at event \(cursor + 1)")
                return
            }
            if first.seq != cursor + 1 {
                logger.notice(
                    "replaying a compacted range: only the latest event of each record is left there", metadata: ["publisher": "\(publisher)", "from": "\(cursor + 1)", "compactedThrough": "\(batch.compactedThrough)"])
            }
            guard await apply(events, gapsThrough: batch.compactedThrough) else { return }
            succeeded()
            if cursor >= batch.lastSeq {
                confirmedCaughtUp = true
                return
            }
        }
    }

    /// The publisher's outbox ends before this subscriber's cursor: it was restored from a backup
    /// or lost its last writes, and its next events will reuse the numbers after `lastSeq`. Left
    /// alone they would be skipped as duplicates; instead the cursor goes back to where the
    /// publisher is, so its new events are applied as they come. What the lost events did here
    /// stays (the publisher no longer knows of them); the log names them for an operator.
    private func resync(publisherAt lastSeq: Int64) async {
        let lost = "\(lastSeq + 1)…\(cursor)"
        do {
            try await sink.rewind(to: lastSeq)
        } catch {
            diverged = true
            await failed("the publisher went back to event \(lastSeq) and the cursor could not follow: \(error)")
            return
        }
        logger.critical(
            "publisher went back in time; following it from its last event", metadata: ["publisher": "\(publisher)", "publisherSeq": "\(lastSeq)", "eventsNoLongerAtPublisher": "\(lost)"])
        cursor = lastSeq
        publisherSeq = lastSeq
        resyncedAt = Timestamp.nowMilliseconds()
        diverged = false
        succeeded()
    }

    /// The publisher holds another history than the cursor's (decision 127): it was restored
    /// from a backup, and events after `restartedAfter` in its outbox may be new ones under
    /// numbers this store has applied before. The cursor goes back to `restartedAfter` (if it is
    /// beyond it) in the transaction that records the new history, so the next replay applies
    /// them. The first history a store sees is only recorded. Returns false when the store
    /// could not record it (then retried as any failure).
    private func follow(history announced: String, restartedAfter: Int64?) async -> Bool {
        let rewindTo = epoch != nil ? restartedAfter.flatMap { $0 < cursor ? $0 : nil } : nil
        do {
            try await sink.follow(epoch: announced, rewindTo: rewindTo)
        } catch {
            await failed("the publisher's new history could not be recorded: \(error)")
            return false
        }
        if let rewindTo {
            logger.critical(
                "publisher restored from a backup; applying its history again after event \(rewindTo)",
                metadata: ["publisher": "\(publisher)", "eventsNoLongerAtPublisher": "\(rewindTo + 1)…\(cursor)"])
            cursor = rewindTo
            resyncedAt = Timestamp.nowMilliseconds()
        }
        epoch = announced
        return true
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
                // Stale: one replay a tick at most, each with its deadline, so an outage does not
                // pile requests up in front of the publisher.
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
