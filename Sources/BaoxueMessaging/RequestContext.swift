import BaoxueContracts
import Foundation

/// What a request handler knows about the request besides its body.
public struct RequestContext: Sendable {
    /// The request id: also the idempotency key for writes (see ``RequestJournal``).
    public var requestID: String
    public var type: String
    /// Who asked. Requests without an actor are refused before they reach a handler.
    public var actor: Actor
    /// A digest of the body, so a request id reused for a different request is caught rather
    /// than answered with the first request's reply.
    public var bodyDigest: String
    /// The body's digest as journal entries written before decision 155 hold it (FNV-1a),
    /// worked out only when a retry meets such an entry.
    var legacyBodyDigest: @Sendable () -> String = { "" }
    /// The body's length in bytes: a write's weight in a round of the group commit (decision 151).
    public var bodyBytes: Int
    /// The client's deadline (`header.deadline`), milliseconds since 1970: past it, the client
    /// has answered "unavailable", so the work must not be committed.
    public var deadline: Int64?

    public init(requestID: String, type: String, actor: Actor, bodyDigest: String = "", bodyBytes: Int = 0, deadline: Int64? = nil) {
        self.requestID = requestID
        self.type = type
        self.actor = actor
        self.bodyDigest = bodyDigest
        self.bodyBytes = bodyBytes
        self.deadline = deadline
    }

    /// Throws `request.expired` once the deadline has passed. Called before a write commits
    /// (``RequestJournal/once(_:context:_:)``), so a write either commits before its client gives
    /// up or not at all.
    public func checkDeadline(now: Int64 = Timestamp.nowMilliseconds()) throws(ServiceError) {
        guard let deadline, now > deadline else { return }
        throw ServiceError.expired(requestID: requestID, by: now - deadline)
    }

    /// The digest the request journal keeps of a body (``BodyDigest``).
    public static func digest(_ data: Data) -> String {
        BodyDigest.current(data)
    }
}
