/// Message and request ids: random (version 4) UUIDs in lowercase text.
///
/// Written here from the system's random source rather than by Foundation's `UUID()`, which on
/// Linux opened, read and closed `/dev/urandom` for every id: three system calls for each reply
/// and each request, a percent of the registry's CPU at a thousand status changes a second.
/// `SystemRandomNumberGenerator` is `getrandom(2)`, one call, no file.
public enum MessageID {
    public static func make() -> String {
        var random = SystemRandomNumberGenerator()
        let high: UInt64 = (random.next() & ~0xF000) | 0x4000  // version 4
        let low: UInt64 = (random.next() & ~(0xC000 << 48)) | (0x8000 << 48)  // RFC 4122 variant
        // 32 hex digits, high word first, grouped 8-4-4-4-12.
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for digit in 0..<32 {
                if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = digit < 16 ? high : low
                let nibble = UInt8((word >> UInt64(60 - 4 * (digit % 16))) & 0xF)
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                index += 1
            }
            return index
        }
    }
}
