import Foundation

/// Message and request ids: random UUIDs in lowercase text.
public enum MessageID {
    public static func make() -> String { UUID().uuidString.lowercased() }
}
