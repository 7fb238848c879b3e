import BaoxueContracts
import Delivery
import Foundation
import Hummingbird

/// `GET /api/v1/alerts/stream`: Server-Sent Events of the caller's alerts. Every event has an
/// `id:` (the feed's sequence number); a client reconnecting with `Last-Event-ID` first gets
/// everything after it from the feed, in order, then the live events, each exactly once. Comment
/// lines keep idle connections open through proxies.
struct AlertEventStream {
    let hub: AlertHub
    let township: String?
    let school: String?
    /// nil: from now on (a new client); otherwise resume after this id.
    let lastEventID: Int64?
    let keepAlive: Duration
    /// Asked every ``recheck``: whether the caller's token still stands (not rotated, the user
    /// not disabled). When not, the stream ends; the client's reconnect is then refused with 401.
    var stillAllowed: @Sendable () async -> Bool = { true }
    var recheck: Duration = .seconds(5)

    /// Alerts waiting for a client that does not read, beyond which the stream ends: the client
    /// reconnects with `Last-Event-ID` and gets the rest from the feed, so nothing is lost and a
    /// client that stopped reading costs at most this much memory.
    static let bufferLimit = 1_000

    private enum Item: Sendable {
        case entry(FeedEntry)
        case keepAlive
        case end
    }

    var body: ResponseBody {
        let hub = hub, township = township, school = school, lastEventID = lastEventID, keepAlive = keepAlive
        let stillAllowed = stillAllowed, recheck = recheck
        return ResponseBody { writer in
            // Listen before reading the feed, so nothing committed in between is missed; entries
            // already replayed are skipped by their id.
            let listener = hub.broadcaster.listen()
            // Bounded: a full buffer ends the stream rather than grow (the client resumes).
            let (items, continuation) = AsyncStream<Item>.makeStream(bufferingPolicy: .bufferingOldest(Self.bufferLimit))
            let forward = Task {
                for await entry in listener.entries {
                    if case .dropped = continuation.yield(.entry(entry)) { break }
                }
                continuation.finish()
            }
            let ticks = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: keepAlive)
                    continuation.yield(.keepAlive)
                }
            }
            let guardian = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: recheck)
                    if Task.isCancelled { return }
                    if await !stillAllowed() {
                        continuation.yield(.end)
                        continuation.finish()
                        return
                    }
                }
            }
            defer {
                forward.cancel()
                ticks.cancel()
                guardian.cancel()
                hub.broadcaster.remove(listener.id)
            }
            try await writer.write(ByteBuffer(string: "retry: 2000\n: 保学预警流 (Baoxue alert stream)\n\n"))
            var sent: Int64
            if let lastEventID {
                sent = lastEventID
                while true {
                    let batch = try await hub.feed.entries(after: sent, township: township, school: school, limit: 1_000)
                    for entry in batch {
                        try await writer.write(Self.event(entry))
                        sent = entry.seq
                    }
                    if batch.count < 1_000 { break }
                }
            } else {
                sent = try await hub.feed.lastSeq()
            }
            stream: for await item in items {
                switch item {
                case .end:
                    break stream
                case .keepAlive:
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                case .entry(let entry):
                    guard entry.seq > sent else { continue }
                    sent = entry.seq
                    if let township, entry.alert.township != township { continue }
                    if let school, entry.alert.school != school { continue }
                    try await writer.write(Self.event(entry))
                }
            }
            try await writer.finish(nil)
        }
    }

    /// One SSE event: `id`, `event: alert`, the alert as JSON on one `data:` line.
    static func event(_ entry: FeedEntry) throws -> ByteBuffer {
        var buffer = ByteBuffer(string: "id: \(entry.seq)\nevent: alert\ndata: ")
        // The bytes `JSONEncoder` with sorted keys would write (a test checks), on one line:
        // JSON escapes every newline inside a string.
        buffer.writeBytes(entry.alert.jsonBytes())
        buffer.writeString("\n\n")
        return buffer
    }
}
