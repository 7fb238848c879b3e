/// The language of user-facing text: Chinese by default, English on request (`--lang en`,
/// `Accept-Language: en`). Logs and codes are always English.
public enum Language: String, Codable, Sendable, CaseIterable {
    case zh, en

    /// Picks English for `en…` tags, Chinese otherwise.
    public init(tag: String?) {
        self = (tag?.lowercased().hasPrefix("en") ?? false) ? .en : .zh
    }

    /// The text for this language.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
