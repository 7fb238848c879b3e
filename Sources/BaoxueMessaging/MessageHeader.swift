import BaoxueContracts

/// The header frame of every Baoxue message: requests, replies and events. JSON on the wire;
/// `docs/protocol.md` is its reference for clients in other languages.
public struct MessageHeader: Codable, Sendable {
    /// Protocol version. A service answers any other value with `request.unsupportedVersion`.
    public var v: Int
    /// What the message is: `registry.students.import`, `registry.student.status`, …
    public var type: String
    /// Unique per message; for a request it is also the idempotency key: a retry reuses it.
    public var id: String
    /// In a reply: the `id` of the request it answers.
    public var correlationId: String?
    /// Who asked (requests), or who caused the change (events).
    public var actor: Actor?
    /// ISO 8601 UTC with milliseconds.
    public var sentAt: String
    /// In a reply: `ok` or `error` (the body then is a ``ServiceError``).
    public var status: String?
    /// In an event: the publishing service (`registry`).
    public var publisher: String?
    /// In an event: the publisher's sequence number, gap-free from 1.
    public var seq: Int64?
    /// In a request: the instant (ISO 8601 UTC, milliseconds, like `sentAt`) after which the
    /// client no longer waits for the answer. A service refuses a request whose deadline has
    /// passed (`request.expired`) and never commits one after it, so a client that gave up at its
    /// deadline knows the request will not be applied later.
    public var deadline: String?

    public static let version = 1

    /// Only `v`, `type` and `id` are required; a client may leave out the rest.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        v = try c.decode(Int.self, forKey: .v)
        type = try c.decode(String.self, forKey: .type)
        id = try c.decode(String.self, forKey: .id)
        correlationId = try c.decodeIfPresent(String.self, forKey: .correlationId)
        actor = try c.decodeIfPresent(Actor.self, forKey: .actor)
        sentAt = try c.decodeIfPresent(String.self, forKey: .sentAt) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status)
        publisher = try c.decodeIfPresent(String.self, forKey: .publisher)
        seq = try c.decodeIfPresent(Int64.self, forKey: .seq)
        deadline = try c.decodeIfPresent(String.self, forKey: .deadline)
    }

    public init(type: String, id: String = MessageID.make(), correlationId: String? = nil, actor: Actor? = nil, status: String? = nil, publisher: String? = nil, seq: Int64? = nil, deadline: String? = nil) {
        self.v = MessageHeader.version
        self.type = type
        self.id = id
        self.correlationId = correlationId
        self.actor = actor
        self.sentAt = Timestamp.now()
        self.status = status
        self.publisher = publisher
        self.seq = seq
        self.deadline = deadline
    }

    /// The deadline in milliseconds since 1970: `nil` when there is none, and an error naming the
    /// field when it is not a time, so a client hears about a deadline it got wrong instead of
    /// having it ignored.
    public func deadlineMilliseconds() throws(ServiceError) -> Int64? {
        guard let deadline else { return nil }
        guard let milliseconds = Timestamp.milliseconds(iso8601: deadline) else {
            throw .malformed("header.deadline \"\(deadline.prefix(40))\" is not a time like 2026-12-05T08:30:00.000Z (UTC)")
        }
        return milliseconds
    }
}
