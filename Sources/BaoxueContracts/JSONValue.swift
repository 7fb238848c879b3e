/// A parsed JSON value, as ``JSONReader`` produces it for the hot wire types. Objects keep their
/// members in order as pairs: the objects read this way are small (a roster record has 17 keys).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The member named `key` of an object; `nil` when absent, or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        // Lengths first: most keys differ in length, and comparing two lengths costs nothing
        // beside comparing two strings (this runs for every field of every record read).
        let length = key.utf8.count
        return members.first { $0.0.utf8.count == length && $0.0 == key }?.1
    }

    public var isNull: Bool { if case .null = self { true } else { false } }
}
