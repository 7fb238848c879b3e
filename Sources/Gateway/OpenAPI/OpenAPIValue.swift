import Foundation

/// A JSON value of the OpenAPI document, as read from its YAML files.
///
/// Typed rather than Foundation's `Any`, so merging the files is checked by the compiler and the
/// served JSON comes from one `JSONEncoder` with sorted keys: the same files give the same bytes.
indirect enum OpenAPIValue: Sendable, Equatable, Encodable {
    case object([String: OpenAPIValue])
    case array([OpenAPIValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case null

    /// The members of an object, or nil for any other value.
    var object: [String: OpenAPIValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The text of a string, or nil for any other value.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value a local reference (`#/components/schemas/Alert`) points at, or nil if it points
    /// at nothing. Follows RFC 6901: `~1` is `/`, `~0` is `~`, and a number indexes an array.
    func resolve(_ reference: String) -> OpenAPIValue? {
        guard reference.hasPrefix("#") else { return nil }
        let pointer = reference.dropFirst()
        guard !pointer.isEmpty else { return self }
        guard pointer.hasPrefix("/") else { return nil }
        var value = self
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch value {
            case .object(let members):
                guard let next = members[key] else { return nil }
                value = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                value = items[index]
            default:
                return nil
            }
        }
        return value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let members): try container.encode(members)
        case .array(let items): try container.encode(items)
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .boolean(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        }
    }
}
