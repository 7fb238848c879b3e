import BaoxueService
import Foundation
#if canImport(Glibc)
import Gateway
import Glibc
#endif

/// An SSE client for `bench alerts` made of one TCP socket and one thread: a blocking `recv`,
/// HTTP/1.1 chunked framing undone, events split on blank lines. `URLSession` on Linux (libcurl
/// behind a dispatch source, several thread hops per chunk) cost the benchmark a large share of
/// the cores it was measuring; this reader costs next to nothing, so the figures are the
/// pipeline's. `alert watch` keeps ``EventStreamClient`` (reconnects, errors for people).
final class PlainEventStreamReader: Sendable {
    private let descriptor: Int32

    /// Connects to `127.0.0.1:port`, sends the request and calls `onEvent` with each event's
    /// `event:` name and `data:` text, on its own thread, until the connection ends.
    init(port: Int, path: String, token: String, onEvent: @escaping @Sendable (_ event: String?, _ data: String) -> Void) throws {
        guard let descriptor = LoopbackSocket.open(.connect, port: port) else {
            throw CommandFailure("connect 127.0.0.1:\(port): \(String(cString: strerror(errno)))", exitCode: 1)
        }
        self.descriptor = descriptor
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let thread = Thread {
            var parser = Parser(onEvent: onEvent)
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return }
                parser.feed(chunk[0..<count])
            }
        }
        thread.name = "sse-reader"
        thread.start()
    }

    /// Ends the connection; the thread ends with it.
    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    deinit { close(descriptor) }

    /// Undoes the HTTP framing, then splits SSE lines into events.
    private struct Parser {
        let onEvent: @Sendable (String?, String) -> Void
        var bytes: [UInt8] = []
        var headersDone = false
        var chunked = false
        var chunkLeft = 0
        var body: [UInt8] = []
        var event: String?
        var data: String?

        mutating func feed(_ received: ArraySlice<UInt8>) {
            bytes.append(contentsOf: received)
            if !headersDone {
                guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
                let headers = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
                chunked = headers.contains("transfer-encoding: chunked")
                bytes.removeSubrange(..<end.upperBound)
                headersDone = true
            }
            if chunked {
                while true {
                    if chunkLeft > 0 {
                        let take = min(chunkLeft, bytes.count)
                        body.append(contentsOf: bytes[..<take])
                        bytes.removeSubrange(..<take)
                        chunkLeft -= take
                        if chunkLeft > 0 { break }
                    }
                    // After a chunk's data: CRLF, then the next size line.
                    guard let lineEnd = bytes.firstRange(of: Array("\r\n".utf8)) else { break }
                    let line = String(decoding: bytes[..<lineEnd.lowerBound], as: UTF8.self)
                    bytes.removeSubrange(..<lineEnd.upperBound)
                    if line.isEmpty { continue }
                    chunkLeft = Int(line.split(separator: ";")[0], radix: 16) ?? 0
                    if chunkLeft == 0 && line.hasPrefix("0") { return }
                }
            } else {
                body.append(contentsOf: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
            lines()
        }

        private mutating func lines() {
            while let newline = body.firstIndex(of: UInt8(ascii: "\n")) {
                let line = body[..<newline]
                defer { body.removeSubrange(...newline) }
                if line.isEmpty {
                    if let data { onEvent(event, data) }
                    event = nil
                    data = nil
                } else if line.starts(with: Array("data: ".utf8)) {
                    let text = String(decoding: line.dropFirst(6), as: UTF8.self)
                    data = data.map { $0 + "\n" + text } ?? text
                } else if line.starts(with: Array("event: ".utf8)) {
                    event = String(decoding: line.dropFirst(7), as: UTF8.self)
                }
            }
        }
    }
}
