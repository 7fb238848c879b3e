/// Input clean-up shared by every parser of office-exported text: full-width ASCII (`１２３`, `Ｘ`)
/// becomes half-width, the ideographic space becomes a space, and surrounding white space goes.
public enum TextNormalization {
    /// Full-width forms U+FF01…U+FF5E map to ASCII U+0021…U+007E; U+3000 maps to a space.
    public static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Half-width, trimmed of white space (including non-breaking and zero-width spaces).
    public static func field(_ text: String) -> String {
        halfWidth(text).trimmingWhitespace()
    }
}

extension String {
    /// Trims spaces, tabs, line breaks, NBSP and zero-width characters from both ends.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { char in
            char.isWhitespace || char == "\u{FEFF}" || char == "\u{200B}"
        }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
