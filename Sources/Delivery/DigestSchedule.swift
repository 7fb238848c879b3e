import BaoxueContracts

/// When the daily digest goes out: a time of day in county time (UTC+8), `gateway.digest.time`,
/// `08:00` by default.
public struct DigestSchedule: Sendable, Equatable {
    /// Minutes after midnight, county time.
    public var minuteOfDay: Int

    public init(minuteOfDay: Int = 8 * 60) {
        self.minuteOfDay = minuteOfDay
    }

    /// Reads `HH:MM` (24-hour).
    /// - Throws: `config.invalid` naming the key.
    public init(time: String) throws(ServiceError) {
        let parts = time.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw ServiceError(.configInvalid, "gateway.digest.time = \(time)：应为24小时制 HH:MM，如 08:00 (must be HH:MM, 24-hour, such as 08:00)")
        }
        minuteOfDay = hour * 60 + minute
    }

    /// The county day of `milliseconds` (since 1970, UTC) and whether the digest time has come on it.
    public func day(at milliseconds: Int64) -> (day: CivilDate, due: Bool) {
        let local = milliseconds + 8 * 3_600_000
        let dayNumber = Int(local.quotientAndRemainderFlooring(by: 86_400_000).quotient)
        let minute = Int((local - Int64(dayNumber) * 86_400_000) / 60_000)
        return (CivilDate(dayNumber: dayNumber), minute >= minuteOfDay)
    }
}

extension Int64 {
    fileprivate func quotientAndRemainderFlooring(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
