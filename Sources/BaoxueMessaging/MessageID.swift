/// Message and request ids: random (version 4) UUIDs in lowercase text.
///
/// Written here from the system's random source rather than by Foundation's `UUID()`, which on
/// Linux opened, read and closed `/dev/urandom` for every id: three system calls for each reply
/// and each request, a percent of the registry's CPU at a thousand status changes a second.
/// `SystemRandomNumberGenerator` is `getrandom(2)`, one call, no file.
public enum MessageID {
    public static func make() -> String {
        var random = SystemRandomNumberGenerator()
        var high: UInt64 = random.next()
        var low: UInt64 = random.next()
        high = (high & ~0xF000) | 0x4000  // version 4
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)  // RFC 4122 variant
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            func put(_ value: UInt64, nibbles: Int, from start: Int) {
                for shift in stride(from: (start - 1) * 4, through: (start - nibbles) * 4, by: -4) {
                    buffer[index] = digits[Int((value >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            // 8-4-4-4-12 hex digits: the high word's 16, then the low word's 16.
            put(high, nibbles: 8, from: 16)
            dash()
            put(high, nibbles: 4, from: 8)
            dash()
            put(high, nibbles: 4, from: 4)
            dash()
            put(low, nibbles: 4, from: 16)
            dash()
            put(low, nibbles: 12, from: 12)
            return index
        }
    }
}
