import BaoxueContracts

/// What a request handler knows about the request besides its body.
public struct RequestContext: Sendable {
    /// The request id: also the idempotency key for writes (see ``RequestJournal``).
    public var requestID: String
    public var type: String
    /// Who asked. Requests without an actor are refused before they reach a handler.
    public var actor: Actor

    public init(requestID: String, type: String, actor: Actor) {
        self.requestID = requestID
        self.type = type
        self.actor = actor
    }
}
