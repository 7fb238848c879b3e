/// A message in both languages as Baoxue writes them, `中文 (English)`: one place that composes
/// and splits them, so a message built from another's parts is never nested
/// (`全国学籍号无效：校验码错误 (invalid student number: wrong check character)`, not the Chinese
/// and English of the inner message repeated inside each half).
public struct Bilingual: Sendable, Equatable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Splits a `中文 (English)` message at its last top-level ` (`, whose parenthesis closes at the
    /// end; a message that is not bilingual is the same text in both.
    public init(_ message: String) {
        guard message.hasSuffix(")") else { self.init(zh: message, en: message); return }
        var depth = 0
        var index = message.endIndex
        while index > message.startIndex {
            index = message.index(before: index)
            switch message[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 {
                    let chinese = message[..<index]
                    guard chinese.hasSuffix(" "), chinese.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) else {
                        self.init(zh: message, en: message)
                        return
                    }
                    self.init(zh: String(chinese.dropLast()), en: String(message[message.index(after: index)..<message.index(before: message.endIndex)]))
                    return
                }
            default: break
            }
        }
        self.init(zh: message, en: message)
    }

    /// `中文 (English)`.
    public var text: String { zh == en ? zh : "\(zh) (\(en))" }

    public func pick(_ language: Language) -> String { language == .zh ? zh : en }
}
