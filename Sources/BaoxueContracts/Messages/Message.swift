/// One request type a service answers, declared once with the body it takes and the body it
/// answers: `Message<StatusChangeRequest, StatusChangedEvent>("registry.students.change")`.
///
/// The service's router registers its handler with the message and the gateway's client calls the
/// service with the same message, so a handler and a caller that disagree on a body do not compile.
/// The `type` string is what travels in the header (docs/protocol.md).
public struct Message<Request: Codable & Sendable, Reply: Codable & Sendable>: Sendable, CustomStringConvertible {
    public let type: String

    public init(_ type: String) {
        self.type = type
    }

    public var description: String { type }
}
