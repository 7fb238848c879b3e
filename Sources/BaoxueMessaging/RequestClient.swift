import BaoxueContracts
import Foundation
import Synchronization
import ZeroMQ

/// Calls one service over a DEALER socket, in the zguide's Lazy Pirate manner: each request waits
/// for its reply up to a timeout, then is sent again with the same id (so the service answers a
/// duplicate with its first answer instead of doing the work twice), and after the last attempt
/// fails with `service.unavailable`.
///
/// Many requests may be in flight at once; replies are matched by correlation id.
public final class RequestClient: Sendable {
    /// Retry policy of a call.
    public struct Policy: Sendable {
        public var timeout: Duration
        public var attempts: Int
        /// How long after the deadline the client still listens for a reply, so that a service
        /// whose clock runs a little behind, or a reply on the wire at the deadline, is heard
        /// rather than reported unavailable. Clocks of hosts must agree closer than this.
        public var grace: Duration

        public init(timeout: Duration = .seconds(5), attempts: Int = 3, grace: Duration = .seconds(1)) {
            self.timeout = timeout
            self.attempts = attempts
            self.grace = grace
        }

        /// The request's whole budget: its deadline is this far from the first send.
        public var budget: Duration { timeout * max(attempts, 1) }

        public static let standard = Policy()
        /// For large writes (an import batch) that may queue behind others.
        public static let bulk = Policy(timeout: .seconds(30), attempts: 3)
    }

    private struct Timeout: Error {}

    private let loop: MessageLoop
    private let socket: SocketID
    private let service: String
    private let pending = ReplyWaiters()
    private let reader: Task<Void, Never>
    public let endpoint: String

    /// Connects to `endpoint`. Connecting never fails for a service that is down: requests wait
    /// until it appears or their attempts run out.
    /// - Parameter curve: this client's key pair and the service's public key, when the service
    ///   speaks CurveZMQ.
    public init(loop: MessageLoop, endpoint: String, service: String, curve: CurveRole? = nil) async throws {
        self.loop = loop
        self.endpoint = endpoint
        self.service = service
        let (socket, stream) = try await loop.open(SocketSpec(type: .dealer, connect: [endpoint], curve: curve))
        self.socket = socket
        let pending = self.pending
        reader = Task {
            for await batch in stream {
                for frames in batch {
                    var rest = frames[...]
                    if rest.first?.isEmpty == true { rest = rest.dropFirst() }
                    guard let envelope = try? Envelope(frames: rest), let id = envelope.header.correlationId else { continue }
                    for waiter in pending.takeAll(id) { waiter.resume(returning: envelope) }
                }
            }
        }
    }

    deinit {
        reader.cancel()
        loop.close(socket)
    }

    /// Sends a request and returns the reply envelope, whatever its status.
    ///
    /// The header carries the request's deadline (now plus ``Policy/budget``); the service refuses
    /// the request after it and never commits it after it, so when this throws
    /// `service.unavailable` (after the deadline and ``Policy/grace``) the request will not be
    /// applied later. Without `requestID`, the id comes from the task's ``RequestScope`` when it
    /// has one (so an operation done again under the same key repeats its ids), else it is fresh.
    public func send(type: String, body: Data, actor: Actor, requestID: String? = nil, policy: Policy = .standard) async throws -> Envelope {
        let requestID = requestID ?? RequestScope.current?.nextID(type: type) ?? MessageID.make()
        let attempts = max(policy.attempts, 1)
        let deadline = Timestamp.nowMilliseconds() + policy.budget.wholeMilliseconds
        let header = MessageHeader(type: type, id: requestID, actor: actor, deadline: Timestamp.iso8601(milliseconds: deadline))
        let frames = [Data()] + (try Envelope(header: header, body: body).frames())
        for attempt in 1...attempts {
            try Task.checkCancellation()
            do {
                // The last attempt also waits out the grace after the deadline.
                return try await self.attempt(frames: frames, id: requestID, timeout: attempt == attempts ? policy.timeout + policy.grace : policy.timeout)
            } catch is Timeout {
                continue
            }
        }
        throw ServiceError.unavailable(service, requestID: requestID)
    }

    /// Calls the service with `message`'s request body and decodes its reply; an error reply is
    /// thrown as the ``ServiceError`` it carries. The router on the other side registered its
    /// handler with the same ``Message``, so the two cannot disagree on the bodies.
    public func call<Request, Answer>(_ message: Message<Request, Answer>, _ body: Request, actor: Actor, requestID: String? = nil, policy: Policy = .standard) async throws -> Answer {
        try await answer(message, body, actor: actor, requestID: requestID, policy: policy).decodeBody(Answer.self)
    }

    /// Calls the service like ``call(_:_:actor:requestID:policy:)`` and returns its answer's body
    /// as the service wrote it, for a caller that only passes the answer on (the gateway's lists
    /// over HTTP): the bytes `WireCoding.encode` writes for an `Answer`, sorted keys and all, so
    /// they are what the caller would write after decoding them, without the decoding and the
    /// writing (decision 141). An error reply is thrown as `call` throws it.
    public func relay<Request, Answer>(_ message: Message<Request, Answer>, _ body: Request, actor: Actor, requestID: String? = nil, policy: Policy = .standard) async throws -> Data {
        try await answer(message, body, actor: actor, requestID: requestID, policy: policy).body
    }

    /// The reply to `message` when it is an answer; an error reply thrown as its ``ServiceError``.
    private func answer<Request, Answer>(_ message: Message<Request, Answer>, _ body: Request, actor: Actor, requestID: String?, policy: Policy) async throws -> Envelope {
        let reply = try await send(type: message.type, body: try WireCoding.encode(body), actor: actor, requestID: requestID, policy: policy)
        if let error = reply.replyError { throw error }
        return reply
    }

    private func attempt(frames: [Data], id: String, timeout: Duration) async throws -> Envelope {
        let pending = self.pending
        let token = Mutex<UInt64?>(nil)
        let timer = Task {
            try await Task.sleep(for: timeout)
            if let mine = token.withLock({ $0 }) { pending.take(id, token: mine)?.resume(throwing: Timeout()) }
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                token.withLock { $0 = pending.add(id, continuation) }
                // A task cancelled before the waiter was registered ran `onCancel` too early to
                // find it: end it here rather than let it wait out its timeout.
                if Task.isCancelled {
                    if let mine = token.withLock({ $0 }) { pending.take(id, token: mine)?.resume(throwing: CancellationError()) }
                    return
                }
                loop.send(frames, on: socket)
            }
        } onCancel: {
            if let mine = token.withLock({ $0 }) { pending.take(id, token: mine)?.resume(throwing: CancellationError()) }
        }
    }
}
