import BaoxueContracts
import Foundation

/// Service messages are written `中文 (English)`; people see the language they asked for.
public enum Localized {
    /// The part of a bilingual message in `language`; the whole message when it is not bilingual.
    public static func pick(_ message: String, _ language: Language) -> String {
        Bilingual(message).pick(language)
    }
}
