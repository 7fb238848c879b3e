import Testing

@testable import BaoxueContracts

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_764_547_200_007, "2025-12-01T00:00:00.007Z"),
        (1_796_083_199_999, "2026-11-30T23:59:59.999Z"),
        (951_782_400_050, "2000-02-29T00:00:00.050Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func writesISO8601(milliseconds: Int64, text: String) {
        #expect(Timestamp.iso8601(milliseconds: milliseconds) == text)
    }

    /// The written form reads back as the same instant, every millisecond digit and hour of a
    /// day included, across leap years.
    @Test func readsBackWhatItWrites() {
        var milliseconds: Int64 = 946_684_799_000  // 1999-12-31T23:59:59Z
        for step in 0..<5_000 {
            let text = Timestamp.iso8601(milliseconds: milliseconds)
            #expect(text.utf8.count == 24)
            #expect(Timestamp.milliseconds(iso8601: text) == milliseconds, "\(text)")
            milliseconds += 3_600_000 * 7 + Int64(step % 1000) + 1
        }
    }
}
