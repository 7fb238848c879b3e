extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal. Every request's token digest and every audited read's
    /// references are spelled this way; `String(format: "%02x")` per byte went through
    /// Foundation's formatter and was a tenth of a look-up's time in the gateway.
    var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
