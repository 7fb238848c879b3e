import BaoxueService
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Open-loop HTTP load on 127.0.0.1: request `i` is due at `start + i / rate` whatever earlier
/// requests are doing, and its latency runs from when it was due, not from when a free
/// connection got round to sending it. A closed-loop client (wrk, ab) waits for answers before
/// asking again, so a stalled server also stalls the load and the stall never shows in the
/// percentiles (coordinated omission); here it does.
///
/// Each of `connections` threads owns one keep-alive connection (plain sockets, as
/// ``PlainEventStreamReader``: the load generator must cost next to nothing beside the server
/// it measures) and sends requests `k`, `k + connections`, … at their due times.
struct ConstantRateLoad {
    let port: Int
    let token: String
    var connections = 48

    struct Result: Codable {
        /// From due time to the whole answer read, microseconds.
        var latency: Percentiles
        var sent: Int
        /// Answers by HTTP status; a missing answer (connection failed) counts as 0.
        var statuses: [Int: Int]
        var achievedPerSecond: Double
        var ok: Int { statuses[200] ?? 0 }
    }

    /// Sends `count` GETs at `rate` a second; `path(i)` is request `i`'s path and query. The
    /// load runs on threads of its own, never on the concurrency pool the gateway core uses.
    func run(rate: Int, count: Int, path: @escaping @Sendable (Int) -> String) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: runBlocking(rate: rate, count: count, path: path)) }.start()
        }
    }

    private func runBlocking(rate: Int, count: Int, path: @escaping @Sendable (Int) -> String) -> Result {
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(200)
        let interval = Duration.seconds(1) / rate
        let samples = Mutex<[Double]>([])
        let statuses = Mutex<[Int: Int]>([:])
        let finished = DispatchGroup()
        let workers = min(connections, count)
        for worker in 0..<workers {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                var connection = Connection(port: port)
                var mine: [Double] = []
                var codes: [Int: Int] = [:]
                var index = worker
                while index < count {
                    let due = start + interval * index
                    let wait = due - clock.now
                    if wait > .zero { Thread.sleep(forTimeInterval: wait.seconds) }
                    let status = connection.get(path(index), token: token)
                    mine.append((clock.now - due).seconds * 1e6)
                    codes[status, default: 0] += 1
                    index += workers
                }
                connection.close()
                samples.withLock { $0 += mine }
                statuses.withLock { all in for (code, n) in codes { all[code, default: 0] += n } }
            }
            thread.name = "load-\(worker)"
            thread.start()
        }
        finished.wait()
        let elapsed = (clock.now - start).seconds
        let all = samples.withLock { $0 }
        return Result(latency: Percentiles(all), sent: count, statuses: statuses.withLock { $0 }, achievedPerSecond: Double(count) / elapsed)
    }

    /// One keep-alive HTTP/1.1 connection, reopened when the server closes it.
    private struct Connection {
        let port: Int
        var descriptor: Int32 = -1
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)

        init(port: Int) { self.port = port }

        mutating func close() {
            if descriptor >= 0 { Glibc.close(descriptor) }
            descriptor = -1
        }

        /// The answer's status, or 0 when there was none.
        mutating func get(_ path: String, token: String) -> Int {
            for _ in 0..<2 {
                if descriptor < 0 {
                    guard let opened = LoopbackSocket.open(.connect, port: port) else { return 0 }
                    var noDelay: Int32 = 1
                    setsockopt(opened, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                    descriptor = opened
                    buffer.removeAll()
                }
                let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\nAccept: application/json\r\n\r\n".utf8)
                let sent = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent == request.count, let status = readAnswer() { return status }
                close()
            }
            return 0
        }

        /// Reads one answer (Content-Length or chunked); nil when the connection ended.
        private mutating func readAnswer() -> Int? {
            guard let headerEnd = fill(until: { $0.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound }) else { return nil }
            let head = String(decoding: buffer[..<headerEnd], as: UTF8.self).lowercased()
            buffer.removeSubrange(..<headerEnd)
            let status = Int(head.split(separator: " ", maxSplits: 2).dropFirst().first ?? "") ?? 0
            if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            {
                guard fill(until: { $0.count >= length ? length : nil }) != nil else { return nil }
                buffer.removeSubrange(..<length)
            } else if head.contains("transfer-encoding: chunked") {
                while true {
                    guard let lineEnd = fill(until: { $0.firstRange(of: Array("\r\n".utf8))?.upperBound }) else { return nil }
                    let size = Int(String(decoding: buffer[..<(lineEnd - 2)], as: UTF8.self).split(separator: ";").first ?? "", radix: 16) ?? 0
                    buffer.removeSubrange(..<lineEnd)
                    guard fill(until: { $0.count >= size + 2 ? size + 2 : nil }) != nil else { return nil }
                    buffer.removeSubrange(..<(size + 2))
                    if size == 0 { break }
                }
            }
            if head.contains("connection: close") { close() }
            return status
        }

        /// Receives until `complete` finds what it needs in the buffer; returns its answer.
        private mutating func fill(until complete: ([UInt8]) -> Int?) -> Int? {
            while true {
                if let found = complete(buffer) { return found }
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return nil }
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}
