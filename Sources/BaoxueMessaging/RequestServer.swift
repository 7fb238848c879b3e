import BaoxueContracts
import Foundation
import Logging
import ZeroMQ

/// Serves requests on a ROUTER socket: decodes each, runs its handler, replies with the same
/// correlation id. A malformed frame, an unknown type or version, or a handler that throws gets an
/// error reply; the server keeps serving.
public final class RequestServer: Sendable {
    private let loop: MessageLoop
    private let router: RequestRouter
    private let logger: Logger
    private let maxInFlight: Int
    private let socket: SocketID
    private let stream: SocketMessages
    /// The endpoint bound (resolved when binding to port `*`).
    public let endpoint: String

    /// - Parameter curve: the server's CurveZMQ key pair; required when `bind` is not loopback
    ///   (``BindPolicy``).
    public init(loop: MessageLoop, bind: String, router: RequestRouter, logger: Logger, maxInFlight: Int = 8, curve: CurveKeyPair? = nil) async throws {
        self.loop = loop
        self.router = router
        self.logger = logger
        self.maxInFlight = maxInFlight
        try BindPolicy.check(bind, curve: curve)
        (socket, stream) = try await loop.open(SocketSpec(type: .router, bind: [bind], curve: curve.map(CurveRole.server)))
        endpoint = await loop.lastEndpoint(of: socket) ?? bind
    }

    /// Serves until the task is cancelled or the loop shuts down.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            var inFlight = 0
            for await batch in stream {
                for frames in batch {
                    if inFlight >= maxInFlight {
                        await group.next()
                        inFlight -= 1
                    }
                    inFlight += 1
                    group.addTask { await self.handle(frames) }
                }
                if Task.isCancelled { break }
            }
            group.cancelAll()
        }
        loop.close(socket)
    }

    private func handle(_ frames: [Data]) async {
        // ROUTER prepends the peer's identity; REQ and DEALER clients send an empty delimiter.
        guard let identity = frames.first else { return }
        var rest = frames.dropFirst()
        if rest.first?.isEmpty == true { rest = rest.dropFirst() }
        let envelope: Envelope
        do {
            envelope = try Envelope(frames: rest)
        } catch {
            logger.warning("malformed request", metadata: ["problem": "\(error.messageText)"])
            send(error: error, correlationId: nil, type: "error", to: identity)
            return
        }
        let header = envelope.header
        guard header.v == MessageHeader.version else {
            send(error: ServiceError(.requestUnsupportedVersion, "protocol version \(header.v) is not supported; this service speaks version \(MessageHeader.version)"), correlationId: header.id, type: header.type, to: identity)
            return
        }
        guard let actor = header.actor else {
            send(error: ServiceError(.requestNoActor, "every request must name its actor (header.actor)"), correlationId: header.id, type: header.type, to: identity)
            return
        }
        guard let handler = router.handler(for: header.type) else {
            send(error: ServiceError(.requestUnknownType, "unknown message type \(header.type); this service answers: \(router.types.joined(separator: ", "))"), correlationId: header.id, type: header.type, to: identity)
            return
        }
        let deadline: Int64?
        do {
            deadline = try header.deadlineMilliseconds()
        } catch {
            send(error: error, correlationId: header.id, type: header.type, to: identity)
            return
        }
        var context = RequestContext(requestID: header.id, type: header.type, actor: actor, bodyDigest: RequestContext.digest(envelope.body), bodyBytes: envelope.body.count, deadline: deadline)
        context.legacyBodyDigest = { [body = envelope.body] in BodyDigest.legacy(body) }
        // A request that waited past its deadline (the service was stopped, or the queue long) is
        // refused unread: its client has already answered "unavailable", and a replay asked for
        // on every heartbeat of an outage costs nothing once it is stale.
        do {
            try context.checkDeadline()
        } catch {
            logger.info("request expired before it was handled", metadata: ["type": "\(header.type)", "request": "\(header.id)"])
            send(error: error, correlationId: header.id, type: header.type, to: identity)
            return
        }
        do {
            let reply = try await handler(envelope, context)
            let replyHeader = MessageHeader(type: header.type, correlationId: header.id, status: "ok")
            send(Envelope(header: replyHeader, body: reply.body, extra: reply.extra), to: identity)
        } catch let error as ServiceError {
            logger.info("request refused", metadata: ["type": "\(header.type)", "code": "\(error.code)", "request": "\(header.id)"])
            send(error: error, correlationId: header.id, type: header.type, to: identity)
        } catch {
            logger.error("request failed", metadata: ["type": "\(header.type)", "error": "\(error)", "request": "\(header.id)"])
            send(error: ServiceError(.internal, "the service failed to handle \(header.type); see its log (request \(header.id))"), correlationId: header.id, type: header.type, to: identity)
        }
    }

    private func send(error: ServiceError, correlationId: String?, type: String, to identity: Data) {
        let header = MessageHeader(type: type, correlationId: correlationId, status: "error")
        let body = (try? WireCoding.encode(error)) ?? Data()
        send(Envelope(header: header, body: body), to: identity)
    }

    private func send(_ envelope: Envelope, to identity: Data) {
        guard let frames = try? envelope.frames() else { return }
        loop.send([identity, Data()] + frames, on: socket)
    }
}

extension ServiceError {
    var messageText: String { message }
}
