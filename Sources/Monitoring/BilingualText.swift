/// The two halves of a bilingual `中文 (English)` text, as the monitor's messages and field
/// problems are written: a Chinese document (a ledger, a summary message) takes the Chinese half,
/// an English one the other. A text without the ` (…)` suffix is its own Chinese half.
enum BilingualText {
    /// The Chinese part of a `中文 (English)` text.
    static func chinese(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return text }
        return String(text[..<open.lowerBound])
    }

    /// The English part of a `中文 (English)` text.
    static func english(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return text }
        return String(text[open.upperBound...].dropLast())
    }
}
