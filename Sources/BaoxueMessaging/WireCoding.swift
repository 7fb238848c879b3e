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

    /// Decodes a body. The hot wire types read themselves with ``JSONReader`` (the same rules as
    /// their `init(from:)`, which their tests check, in a fraction of the time): import batches,
    /// event bodies every follower reads, rows every read decodes.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let body = type as? any JSONBodyReadable.Type {
            return try body.read(json: data) as! T
        }
        if let readable = type as? any JSONReadable.Type {
            return try readable.init(json: try JSONReader.parse(data), path: "") as! T
        }
        return try JSONDecoder().decode(type, from: data)
    }

    /// A decoding error said in a way a client developer can act on: which field and why.
    public static func explain(_ error: any Error) -> String {
        DecodingProblem.describe(error)
    }
}
