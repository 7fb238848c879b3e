import Foundation
import Hummingbird
import Logging
import Synchronization

/// A webhook receiver for tests: a Hummingbird app on a loopback port that records every
/// body it takes. It can be told to answer 500 (as a receiver that is down), to hold every
/// request until released (as a slow one), or to answer with another body (a robot's refusal).
final class WebhookReceiver: Sendable {
    private struct State {
        var received: [Data] = []
        var requests = 0
        var failing = false
        var held = false
        var answer = #"{"errcode":0,"errmsg":"ok"}"#
    }

    private let state = Mutex(State())
    private let server = Mutex<LoopbackHTTPServer?>(nil)
    var port: Int { server.withLock { $0?.port ?? 0 } }
    /// The address to configure, with a key in its query as a robot's has.
    var url: String { "http://127.0.0.1:\(port)/hook?key=test-secret-key" }

    init() async throws {
        let router = Router()
        router.post("hook") { [self] request, _ -> Response in
            var body = try await request.body.collect(upTo: 1 << 20)
            return try await self.take(Data(body.readBytes(length: body.readableBytes) ?? []))
        }
        let started = try await LoopbackHTTPServer(router: router, label: "webhook-receiver")
        server.withLock { $0 = started }
    }

    private func take(_ data: Data) async throws -> Response {
        let failing = state.withLock { state in
            state.requests += 1
            return state.failing
        }
        if failing { return Response(status: .internalServerError) }
        while state.withLock({ $0.held }) { try await Task.sleep(for: .milliseconds(10)) }
        let answer = state.withLock { state in
            state.received.append(data)
            return state.answer
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: answer)))
    }

    /// Every body taken, in the order taken.
    var received: [Data] { state.withLock { $0.received } }
    /// Every request, taken or refused.
    var requests: Int { state.withLock { $0.requests } }

    func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }
    func setHeld(_ held: Bool) { state.withLock { $0.held = held } }
    func setAnswer(_ answer: String) { state.withLock { $0.answer = answer } }

    /// The bodies as JSON objects.
    func objects() -> [[String: Any]] {
        received.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// Releases held requests and stops serving without waiting (a test's `defer`).
    func stop() {
        setHeld(false)
        server.withLock { $0?.cancel() }
    }
}
