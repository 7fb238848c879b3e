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
    ///
    /// Called for every cell of every imported row, so the common case (ASCII with nothing to
    /// trim) returns the string itself without building a new one.
    public static func field(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80, !bytes.contains(where: { $0 >= 0x80 }) {
            return text
        }
        // Chinese text with nothing full-width inside and no space at either end: also as is.
        let scalars = text.unicodeScalars
        // U+3000 is E3 80 80 in UTF-8 and U+FF01…U+FF5E start with EF: text without either byte
        // (nearly every Chinese name) has nothing to fold, found without decoding its scalars.
        let needsFolding = bytes.contains { $0 == 0xE3 || $0 == 0xEF }
            && scalars.contains { $0.value >= 0xFF01 && $0.value <= 0xFF5E || $0.value == 0x3000 }
        if !needsFolding, let head = scalars.first, let tail = scalars.last,
            !isTrimmable(head), !isTrimmable(tail)
        {
            return text
        }
        return halfWidth(text).trimmingWhitespace()
    }

    /// White space, NBSP and the zero-width characters office exports leave at cell edges.
    /// Unicode's White_Space set spelled out: asking `properties.isWhitespace` looks the scalar up
    /// in the property tables, a cost every cell of a million-row import paid twice.
    public static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }
}

extension String {
    /// Trims spaces, tabs, line breaks, NBSP and zero-width characters from both ends.
    public func trimmingWhitespace() -> String {
        let isSpace = TextNormalization.isTrimmable
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isSpace($0) })!
        if start == scalars.startIndex, end == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[start...end])
    }

    /// Whether the text has more than `limit` characters. A character is at least one UTF-8
    /// byte, so a text of at most `limit` bytes is never counted character by character (the
    /// grapheme walk every field of every imported row otherwise pays).
    public func isLonger(than limit: Int) -> Bool {
        utf8.count > limit && count > limit
    }
}
