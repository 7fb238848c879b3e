import BaoxueContracts
import Foundation

extension MessageHeader {
    /// Reads a header with ``JSONReader``, member by member: every subscriber reads one per event,
    /// thousands a second during an import, where `JSONDecoder` was most of a follower's time and
    /// a tree of the header (every key and value a node) still a tenth of it. `nil` when the
    /// header lacks `v`, `type` or `id` or has a field of the wrong type; callers then fall back to
    /// `JSONDecoder` for its error message. Of a key given twice the first counts, as it did when
    /// the header was read as a tree; keys it does not know are read past.
    ///
    /// `previous`, the header read just before (a subscriber's last event's), lends its strings
    /// where this one writes the same (``JSONReader/readString(reusing:)``): the events of one
    /// commit share all but their number.
    init?(json data: Data, previous: MessageHeader? = nil) {
        do throws(JSONReader.SyntaxError) {
            var reader = try JSONReader(object: data)
            var version: Double?, type: String?, id: String?, correlationId: String?, sentAt: String?
            var status: String?, publisher: String?, deadline: String?, seq: Double?, actor: Actor?
            var unreadableActor = false
            try reader.readMembers(Self.keys) { place, reader throws(JSONReader.SyntaxError) in
                switch place {
                case 0:
                    guard try reader.beginObject() else { return }
                    actor = try Self.actor(&reader, previous: previous?.actor)
                    unreadableActor = actor == nil
                case 1: correlationId = try reader.readString(reusing: previous?.correlationId)
                case 2: deadline = try reader.readString(reusing: previous?.deadline)
                case 3: id = try reader.readString()
                case 4: publisher = try reader.readString(reusing: previous?.publisher)
                case 5: sentAt = try reader.readString(reusing: previous?.sentAt)
                case 6: seq = try reader.readNumber()
                case 7: status = try reader.readString(reusing: previous?.status)
                case 8: type = try reader.readString(reusing: previous?.type)
                default: version = try reader.readNumber()
                }
            }
            try reader.finish()
            guard !unreadableActor, let version, let version = Int(exactly: version), let type, let id else { return nil }
            // Out of range is unreadable, never a trap: `"seq": 1e19` is refused like a string would be.
            var number: Int64?
            if let seq {
                guard let whole = Int64(exactly: seq), whole >= 0 else { return nil }
                number = whole
            }
            self.init(read: version, type, id, correlationId, actor, sentAt ?? "", status, publisher, number, deadline)
        } catch {
            return nil
        }
    }

    /// Every field as read. The public initializer reads the clock for `sentAt`, a tenth of
    /// reading a header this way, only for the value to be replaced.
    private init(read v: Int, _ type: String, _ id: String, _ correlationId: String?, _ actor: Actor?, _ sentAt: String, _ status: String?, _ publisher: String?, _ seq: Int64?, _ deadline: String?) {
        (self.v, self.type, self.id, self.correlationId, self.actor, self.sentAt) = (v, type, id, correlationId, actor, sentAt)
        (self.status, self.publisher, self.seq, self.deadline) = (status, publisher, seq, deadline)
    }

    /// A header's keys, in the places its reader switches on (the first, `actor`, is an object),
    /// in the order its writer puts them (sorted), so each is found at the first try.
    private static let keys = JSONKeys("actor", "correlationId", "deadline", "id", "publisher", "sentAt", "seq", "status", "type", "v")
    private static let actorKeys = JSONKeys("role", "school", "township", "user", "via")

    /// The members of an `actor` object the reader has just opened, through its end; nil when
    /// `user`, `role` or `via` is missing.
    private static func actor(_ reader: inout JSONReader, previous: Actor?) throws(JSONReader.SyntaxError) -> Actor? {
        var user: String?, role: String?, township: String?, school: String?, via: String?
        try reader.readMembers(actorKeys) { place, reader throws(JSONReader.SyntaxError) in
            switch place {
            case 0: role = try reader.readString(reusing: previous?.role)
            case 1: school = try reader.readString(reusing: previous?.school)
            case 2: township = try reader.readString(reusing: previous?.township)
            case 3: user = try reader.readString(reusing: previous?.user)
            default: via = try reader.readString(reusing: previous?.via)
            }
        }
        guard let user, let role, let via else { return nil }
        return Actor(user: user, role: role, township: township, school: school, via: via)
    }
}
