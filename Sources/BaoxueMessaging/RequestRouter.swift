import BaoxueContracts
import Foundation

/// The request types a service answers, each with its handler. Built once before the service
/// starts; the ``RequestServer`` looks requests up here.
public struct RequestRouter: Sendable {
    public typealias Handler = @Sendable (Envelope, RequestContext) async throws -> Reply

    private(set) var handlers: [String: Handler] = [:]

    public init() {}

    /// Registers a raw handler, for replies with extra frames.
    public mutating func onRaw(_ type: String, _ handler: @escaping Handler) {
        handlers[type] = handler
    }

    /// Registers a typed handler: the body is decoded as `Input` (a `request.malformed` error
    /// names the field when it does not decode) and the result encoded as the reply body.
    public mutating func on<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ type: String, _ handler: @escaping @Sendable (Input, RequestContext) async throws -> Output
    ) {
        handlers[type] = { envelope, context in
            let input = try envelope.decodeBody(Input.self)
            return try Reply(try await handler(input, context))
        }
    }

    public var types: [String] { handlers.keys.sorted() }

    func handler(for type: String) -> Handler? { handlers[type] }
}
