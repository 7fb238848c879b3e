extension [UInt8] {
    /// Appends `value` as exactly `width` ASCII digits, zero-padded (`appendDigits(7, width: 2)`
    /// appends `07`).
    ///
    /// ID numbers, dates and phone numbers are written this way because `String(format:)` and
    /// Foundation's formatters cost microseconds per call, which the demo pays 100,000 times.
    mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        for _ in 0..<width {
            append(UInt8(48 + (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
