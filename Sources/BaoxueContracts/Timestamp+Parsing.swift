extension Timestamp {
    /// Reads the form ``Timestamp/iso8601(milliseconds:)`` writes (`2026-11-29T03:47:22.123Z`,
    /// milliseconds optional) back into milliseconds since 1970; nil for anything else. Alerts
    /// carry their creation time this way, and escalation measures from it.
    public static func milliseconds(iso8601 text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
            let date = CivilDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int64(bytes[index] - 48)
            }
            return value
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), hour < 24, minute < 60, second < 61 else { return nil }
        var millis: Int64 = 0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: ".") else { return nil }
            guard (1...3).contains(bytes.count - 21), let fraction = number(20..<(bytes.count - 1)) else { return nil }
            millis = fraction * [100, 10, 1][bytes.count - 22]
        }
        return (Int64(date.dayNumber) * 86_400 + hour * 3_600 + minute * 60 + second) * 1_000 + millis
    }
}
