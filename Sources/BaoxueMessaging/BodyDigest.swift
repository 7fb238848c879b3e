import Foundation

/// What a request's body is remembered by in the request journal (``RequestJournal``), so an id
/// reused for another body is refused rather than answered with the first body's reply.
///
/// Since decision 155 that is XXH64 (seed 0), written `x:` and sixteen hex digits: it reads the
/// body eight bytes at a time in four independent lanes. FNV-1a, which the journal held before,
/// takes one byte per dependent multiply: some two milliseconds for each megabyte and a half of
/// a county file's batch, three in every hundred of the registry's time during an import. An
/// entry written before then holds the FNV-1a digest, without the prefix; a retry that meets one
/// is compared by that digest (``matches(stored:current:legacy:)``), so a request retried across
/// the upgrade still gets its first answer.
enum BodyDigest {
    /// What starts every XXH64 digest, and no FNV-1a one (those are bare hex digits).
    private static let prefix = "x:"

    /// The digest a journal entry is written with.
    static func current(_ body: Data) -> String {
        prefix + hex(xxh64(body))
    }

    /// Whether `stored`, a journal entry's digest, is the digest of the body whose digest is
    /// `current`: the same XXH64 digest, or, for an entry from before decision 155, the body's
    /// FNV-1a digest (`legacy`, worked out only then).
    static func matches(stored: String, current: String, legacy: () -> String) -> Bool {
        stored == current || (!stored.hasPrefix(prefix) && stored == legacy())
    }

    /// FNV-1a, 64 bits, in hex without leading zeros: the journal's digest before decision 155.
    static func legacy(_ body: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        body.withUnsafeBytes { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return String(hash, radix: 16)
    }

    /// Sixteen hex digits, leading zeros kept.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static let prime1: UInt64 = 11_400_714_785_074_694_791
    private static let prime2: UInt64 = 14_029_467_366_897_019_727
    private static let prime3: UInt64 = 1_609_587_929_392_839_161
    private static let prime4: UInt64 = 9_650_029_242_287_828_579
    private static let prime5: UInt64 = 2_870_177_450_012_600_261

    /// XXH64 with seed 0, as its reference describes it (`BodyDigestTests` holds it to the
    /// reference's values).
    static func xxh64(_ body: Data) -> UInt64 {
        body.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> UInt64 in
            let count = buffer.count
            var offset = 0
            func word(_ at: Int) -> UInt64 { UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            var hash: UInt64
            if count >= 32 {
                var lanes = (prime1 &+ prime2, prime2, UInt64(0), 0 &- prime1)
                while offset + 32 <= count {
                    lanes.0 = round(lanes.0, word(offset))
                    lanes.1 = round(lanes.1, word(offset + 8))
                    lanes.2 = round(lanes.2, word(offset + 16))
                    lanes.3 = round(lanes.3, word(offset + 24))
                    offset += 32
                }
                hash = lanes.0.rotated(1) &+ lanes.1.rotated(7) &+ lanes.2.rotated(12) &+ lanes.3.rotated(18)
                hash = merge(hash, lanes.0)
                hash = merge(hash, lanes.1)
                hash = merge(hash, lanes.2)
                hash = merge(hash, lanes.3)
            } else {
                hash = prime5
            }
            hash &+= UInt64(count)
            while offset + 8 <= count {
                hash = (hash ^ round(0, word(offset))).rotated(27) &* prime1 &+ prime4
                offset += 8
            }
            if offset + 4 <= count {
                let half = UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                hash = (hash ^ (half &* prime1)).rotated(23) &* prime2 &+ prime3
                offset += 4
            }
            while offset < count {
                hash = (hash ^ (UInt64(buffer[offset]) &* prime5)).rotated(11) &* prime1
                offset += 1
            }
            hash ^= hash >> 33
            hash &*= prime2
            hash ^= hash >> 29
            hash &*= prime3
            hash ^= hash >> 32
            return hash
        }
    }

    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }

    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        (lane &+ input &* prime2).rotated(31) &* prime1
    }
}

private extension UInt64 {
    func rotated(_ bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}
