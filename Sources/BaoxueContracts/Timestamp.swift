#if canImport(Glibc)
import Glibc
#endif

/// UTC instants as ISO 8601 text with milliseconds (`2026-11-29T03:47:22.123Z`), made without
/// Foundation's formatters, which are slow on Linux and not all Sendable.
public enum Timestamp {
    /// Now, in milliseconds since 1970.
    public static func nowMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    public static func now() -> String { iso8601(milliseconds: nowMilliseconds()) }

    public static func iso8601(milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        let millis = Int(milliseconds % 1000)
        let date = CivilDate(dayNumber: Int(seconds / 86_400))
        let secondOfDay = Int(seconds % 86_400)
        // Every event's header carries one: its 24 characters written into one buffer rather
        // than interpolated from seven small strings, for the usual four-digit year.
        if (1000...9999).contains(date.year), milliseconds >= 0 {
            return String(unsafeUninitializedCapacity: 24) { text in
                func put(_ value: Int, _ digits: Int, at offset: Int) {
                    var value = value
                    for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                        text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                }
                put(date.year, 4, at: 0)
                put(date.month, 2, at: 5)
                put(date.day, 2, at: 8)
                put(secondOfDay / 3600, 2, at: 11)
                put(secondOfDay / 60 % 60, 2, at: 14)
                put(secondOfDay % 60, 2, at: 17)
                put(millis, 3, at: 20)
                (text[4], text[7], text[10]) = (UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: "T"))
                (text[13], text[16], text[19], text[23]) = (UInt8(ascii: ":"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "Z"))
                return 24
            }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(date)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(ms)Z"
    }

    /// Today's date in UTC+8, the county's civil date.
    public static func todayInChina() -> CivilDate {
        CivilDate(dayNumber: Int((nowMilliseconds() / 1000 + 8 * 3600) / 86_400))
    }
}
