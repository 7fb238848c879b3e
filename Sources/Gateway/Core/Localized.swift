import BaoxueContracts
import Foundation

/// Service messages are written `中文 (English)`; people see the language they asked for.
public enum Localized {
    /// The part of a bilingual message in `language`; the whole message when it is not bilingual.
    public static func pick(_ message: String, _ language: Language) -> String {
        guard message.hasSuffix(")"), let open = message.range(of: " (", options: .backwards) else { return message }
        let chinese = String(message[..<open.lowerBound])
        let english = String(message[open.upperBound...].dropLast())
        // Only split where the first part really is Chinese.
        guard chinese.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) else { return message }
        return language == .zh ? chinese : english
    }
}
