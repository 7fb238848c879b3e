import BaoxueContracts
import Foundation

/// The JSON coders every message uses, configured once so all services speak the same dialect.
public enum WireCoding {
    public static func encode(_ value: some Encodable) throws -> Data {
        // The hot wire types write themselves (same bytes, a fraction of the time).
        if let writable = value as? any JSONWritable {
            return Data(writable.jsonBytes())
        }
        let encoder = JSONEncoder()
        // Sorted keys: the same value always encodes to the same bytes, so a retry that encodes
        // its body again still matches the request journal's digest.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// Decodes a hot wire type with ``JSONReader`` (the same rules as its `init(from:)`, a
    /// fraction of the time): event bodies every follower reads, rows every read decodes.
    public static func read<T: JSONReadable>(_ type: T.Type, from data: Data) throws -> T {
        try T(json: try JSONReader.parse(data), path: "")
    }

    /// A decoding error said in a way a client developer can act on: which field and why.
    public static func explain(_ error: any Error) -> String {
        DecodingProblem.describe(error)
    }
}
