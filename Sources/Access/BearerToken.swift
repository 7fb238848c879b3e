import Crypto
import Foundation

/// Bearer tokens: 256 random bits from the system's secure generator, shown to the user once, and
/// kept only as a SHA-256 digest, so a copy of the store does not let anyone in.
public enum BearerToken {
    /// Every token starts with this, so a leaked one is easy to recognise in a paste or a log.
    public static let prefix = "bx_"

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The hex SHA-256 of the token: what the store keeps and looks tokens up by. Looking up a
    /// digest (not comparing secrets byte by byte) leaves no timing signal about the token.
    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).lowercaseHex
    }

    /// Whether `text` could be a token at all (checked before any lookup).
    public static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(prefix) && text.utf8.count == prefix.utf8.count + 43
            && text.utf8.dropFirst(prefix.utf8.count).allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }
}
