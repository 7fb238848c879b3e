import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal Server-Sent Events client: one GET that stays open, its body split into events
/// (`id:`, `event:`, `data:` lines, a blank line ends one; `:` lines are comments). The caller
/// reconnects with the last id it saw.
final class EventStreamClient: NSObject, URLSessionDataDelegate, Sendable {
    struct Event: Sendable {
        var id: String?
        var event: String?
        var data: String
    }

    enum Failure: Error, CustomStringConvertible {
        case status(Int, String)
        var description: String {
            switch self {
            case .status(let code, let body): "HTTP \(code): \(body)"
            }
        }
    }

    private struct State {
        var buffer = Data()
        var pending = Event(data: "")
        var hasData = false
        var status = 0
        var errorBody = Data()
    }

    private let state = Mutex(State())
    private let continuation: AsyncThrowingStream<Event, any Error>.Continuation
    let events: AsyncThrowingStream<Event, any Error>

    override init() {
        (events, continuation) = AsyncThrowingStream<Event, any Error>.makeStream()
        super.init()
    }

    /// Opens the stream; events arrive on ``events`` until the connection ends.
    static func open(url: URL, token: String, lastEventID: String?, language: String) -> (EventStreamClient, URLSession) {
        let client = EventStreamClient()
        var request = URLRequest(url: url)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        request.setValue(language, forHTTPHeaderField: "Accept-Language")
        if let lastEventID { request.setValue(lastEventID, forHTTPHeaderField: "Last-Event-ID") }
        request.timeoutInterval = 60  // keep-alives arrive every 15 s
        let session = URLSession(configuration: .ephemeral, delegate: client, delegateQueue: nil)
        session.dataTask(with: request).resume()
        return (client, session)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse, completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        state.withLock { $0.status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let ready: [Event] = state.withLock { state in
            guard state.status == 200 else {
                state.errorBody.append(data)
                return []
            }
            state.buffer.append(data)
            var events: [Event] = []
            while let newline = state.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = String(decoding: state.buffer[state.buffer.startIndex..<newline], as: UTF8.self)
                state.buffer.removeSubrange(state.buffer.startIndex...newline)
                if line.hasSuffix("\r") { line.removeLast() }
                if line.isEmpty {
                    if state.hasData { events.append(state.pending) }
                    state.pending = Event(data: "")
                    state.hasData = false
                } else if line.hasPrefix(":") {
                    continue
                } else {
                    let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                    let field = String(parts[0])
                    var value = parts.count > 1 ? String(parts[1]) : ""
                    if value.hasPrefix(" ") { value.removeFirst() }
                    switch field {
                    case "id": state.pending.id = value
                    case "event": state.pending.event = value
                    case "data":
                        state.pending.data += state.hasData ? "\n" + value : value
                        state.hasData = true
                    default: break
                    }
                }
            }
            return events
        }
        for event in ready { continuation.yield(event) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (status, body) = state.withLock { ($0.status, $0.errorBody) }
        if let error {
            continuation.finish(throwing: error)
        } else if status != 200 {
            continuation.finish(throwing: Failure.status(status, String(decoding: body, as: UTF8.self)))
        } else {
            continuation.finish()
        }
        session.finishTasksAndInvalidate()
    }
}
