import BaoxueContracts
import Foundation

/// The request types a service answers, each with its handler. Built once before the service
/// starts; the ``RequestServer`` looks requests up here.
///
/// Handlers are registered with the ``Message`` that declares the request's body and reply, the
/// same value the gateway's ``RequestClient/call(_:_:actor:requestID:policy:)`` takes: a handler
/// that answers another type than its callers expect does not compile.
public struct RequestRouter: Sendable {
    public typealias Handler = @Sendable (Envelope, RequestContext) async throws -> Reply

    private(set) var handlers: [String: Handler] = [:]

    public init() {}

    /// Registers a typed handler: the body is decoded as `Request` (a `request.malformed` error
    /// names the field when it does not decode; import batches take the fast reader) and the
    /// result encoded as the reply body.
    public mutating func on<Request, Answer>(
        _ message: Message<Request, Answer>, _ handler: @escaping @Sendable (Request, RequestContext) async throws -> Answer
    ) {
        handlers[message.type] = { envelope, context in
            let request = try envelope.decodeBody(Request.self)
            return try Reply(try await handler(request, context))
        }
    }

    /// Registers a handler that writes its reply itself: a body of `Answer` plus further frames
    /// (a replay's events follow its ``ReplayBatch``).
    public mutating func onRaw<Request, Answer>(_ message: Message<Request, Answer>, _ handler: @escaping Handler) {
        handlers[message.type] = handler
    }

    public var types: [String] { handlers.keys.sorted() }

    func handler(for type: String) -> Handler? { handlers[type] }
}
