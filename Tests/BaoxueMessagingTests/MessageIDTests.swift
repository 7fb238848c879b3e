import BaoxueMessaging
import Foundation
import Testing

/// Message ids are written by hand (not by Foundation's `UUID()`): they must still be version 4
/// UUIDs in lowercase text that any client's UUID parser reads, and never repeat.
@Suite struct MessageIDTests {
    @Test func anIDIsALowercaseVersion4UUID() throws {
        for _ in 0..<1_000 {
            let id = MessageID.make()
            #expect(id.count == 36)
            #expect(id == id.lowercased())
            let parsed = try #require(UUID(uuidString: id))
            #expect(parsed.uuidString.lowercased() == id)
            let bytes = withUnsafeBytes(of: parsed.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 4, "version 4: \(id)")
            #expect(bytes[8] >> 6 == 0b10, "RFC 4122 variant: \(id)")
            let dashes = id.utf8.enumerated().filter { $0.element == UInt8(ascii: "-") }.map(\.offset)
            #expect(dashes == [8, 13, 18, 23])
        }
    }

    @Test func idsDoNotRepeat() {
        let ids = (0..<10_000).map { _ in MessageID.make() }
        #expect(Set(ids).count == ids.count)
        // Every hex digit position but the fixed ones varies.
        #expect(Set(ids.map { $0.prefix(8) }).count > 9_900)
    }
}
