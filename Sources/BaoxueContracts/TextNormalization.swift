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
    /// Called for every cell of every imported row, so the common case (nothing to fold, nothing
    /// to trim: ASCII, and nearly every Chinese name) returns the string itself, found in one pass
    /// over its UTF-8 bytes without decoding its scalars (decision 153).
    public static func field(_ text: String) -> String {
        let asIs = text.utf8.withContiguousStorageIfAvailable(isNormal) ?? Array(text.utf8).withUnsafeBufferPointer(isNormal)
        return asIs ? text : normalized(text)
    }

    /// What ``field(_:)`` gives for text that is not already normal: the reference it must agree
    /// with for every text.
    static func normalized(_ text: String) -> String {
        halfWidth(text).trimmingWhitespace()
    }

    /// Whether valid UTF-8 `bytes` hold nothing to fold (U+3000, U+FF01…U+FF5E) and no white
    /// space at either end.
    private static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return true }
        if isTrimmable(scalar(in: bytes, at: 0)) { return false }
        var lastStart = bytes.count - 1
        if last >= 0x80 {
            // Back over the continuation bytes (10xxxxxx) to the last scalar's lead byte.
            while lastStart > 0, bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
        }
        if isTrimmable(scalar(in: bytes, at: lastStart)) { return false }
        // U+3000 is E3 80 80; U+FF01…U+FF5E are EF BC 81…EF BC BF and EF BD 80…EF BD 9E.
        var index = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if byte == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return false }
            if byte == 0xEF {
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if second == 0xBC && third >= 0x81 || second == 0xBD && third <= 0x9E { return false }
            }
            index += 1
        }
        return true
    }

    /// The scalar whose UTF-8 encoding starts at `index` (a lead byte of valid UTF-8).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        func next(_ offset: Int) -> UInt32 { index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0 }
        let value: UInt32 =
            switch lead {
            case ..<0x80: lead
            case ..<0xE0: (lead & 0x1F) << 6 | next(1)
            case ..<0xF0: (lead & 0x0F) << 12 | next(1) << 6 | next(2)
            default: (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
            }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
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
