import BaoxueContracts
import Foundation

extension MessageHeader {
    /// Reads a header with ``JSONReader``: every subscriber reads one per event, thousands a
    /// second during an import, where `JSONDecoder` was most of a follower's time. `nil` when the
    /// header lacks `v`, `type` or `id` or has a field of the wrong type; callers then fall back to
    /// `JSONDecoder` for its error message.
    init?(json data: Data) {
        guard let value = try? JSONReader.parse(data), case .object = value,
            case .number(let version)? = value["v"], case .string(let type)? = value["type"], case .string(let id)? = value["id"]
        else { return nil }
        func text(_ key: String, in object: JSONValue = value) -> String?? {
            switch object[key] {
            case nil, .null?: return .some(nil)
            case .string(let string)?: return .some(string)
            default: return nil
            }
        }
        guard let correlationId = text("correlationId"), let sentAt = text("sentAt"), let status = text("status"),
            let publisher = text("publisher"), let deadline = text("deadline"), let version = Int(exactly: version)
        else { return nil }
        // Out of range is unreadable, never a trap: `"seq": 1e19` is refused like a string would be.
        var seq: Int64?
        switch value["seq"] {
        case nil, .null?: seq = nil
        case .number(let number)?:
            guard let whole = Int64(exactly: number), whole >= 0 else { return nil }
            seq = whole
        default: return nil
        }
        var actor: Actor?
        switch value["actor"] {
        case nil, .null?: actor = nil
        case let object? where { if case .object = object { true } else { false } }():
            guard case .string(let user)? = object["user"], case .string(let role)? = object["role"], case .string(let via)? = object["via"],
                let township = text("township", in: object), let school = text("school", in: object)
            else { return nil }
            actor = Actor(user: user, role: role, township: township, school: school, via: via)
        default: return nil
        }
        self.init(type: type, id: id, correlationId: correlationId, actor: actor, status: status, publisher: publisher, seq: seq, deadline: deadline)
        self.v = version
        self.sentAt = sentAt ?? ""
    }
}
