@testable import BaoxueMessaging
import BaoxueContracts
import Foundation
import GRDB
import Testing

/// The request journal's body digest (decision 155): XXH64 as its reference computes it, and a
/// journal entry from before (FNV-1a) still answering its retry.
@Suite struct BodyDigestTests {
    /// Values from the reference implementation (Python's `xxhash.xxh64(…, seed=0)`), at every
    /// length class: empty, under 4, under 32, a whole stripe, and stripes with a tail of 8, 4
    /// and single bytes.
    @Test func xxh64IsTheReferences() {
        #expect(BodyDigest.xxh64(Data()) == 0xef46_db37_51d8_e999)
        #expect(BodyDigest.xxh64(Data("a".utf8)) == 0xd24e_c4f1_a98c_6e5b)
        #expect(BodyDigest.xxh64(Data("abc".utf8)) == 0x44bc_2cf5_ad77_0999)
        #expect(BodyDigest.xxh64(Data("Nobody inspects the spammish repetition".utf8)) == 0xfbce_a83c_8a37_8bf1)
        #expect(BodyDigest.xxh64(Data("0123456789abcdef0123456789abcdef".utf8)) == 0x642a_9495_8e71_e6c5)
        let long = Data((0..<5).flatMap { _ in (0...255).map { UInt8($0) } } + Array("xyz".utf8))
        #expect(BodyDigest.xxh64(long) == 0xafd1_8a39_57d3_670a)
        #expect(BodyDigest.current(Data()) == "x:ef46db3751d8e999")
        #expect(RequestContext.digest(Data("abc".utf8)) == "x:44bc2cf5ad770999")
    }

    /// FNV-1a as the journal wrote it before: the published test value of "a", in hex without
    /// leading zeros.
    @Test func theLegacyDigestIsFNV1a() {
        #expect(BodyDigest.legacy(Data("a".utf8)) == "af63dc4c8601ec8c")
        #expect(BodyDigest.legacy(Data()) == "cbf29ce484222325")
    }

    /// A request applied before the upgrade (its entry holds the FNV-1a digest) and retried
    /// after it gets its first answer; another body under that id is still refused.
    @Test func anEntryFromBeforeTheUpgradeAnswersItsRetry() throws {
        let database = try DatabaseQueue()
        let body = Data(#"{"rows":[]}"#.utf8)
        try database.write { db in
            try RequestJournal.migrate(db)
            try db.execute(
                sql: "INSERT INTO request_journal (id, type, digest, reply, at) VALUES ('r1', 'registry.importStudents', ?, x'7b7d', '2026-12-07T00:00:00Z')",
                arguments: [BodyDigest.legacy(body)])
        }
        func context(_ body: Data) -> RequestContext {
            var context = RequestContext(requestID: "r1", type: "registry.importStudents", actor: .system, bodyDigest: RequestContext.digest(body), bodyBytes: body.count)
            context.legacyBodyDigest = { BodyDigest.legacy(body) }
            return context
        }
        let reply = try database.read { db in try RequestJournal.reply(db, for: context(body)) }
        #expect(reply == Data("{}".utf8))
        #expect(throws: ServiceError.self) {
            try database.read { db in try RequestJournal.reply(db, for: context(Data(#"{"rows":[1]}"#.utf8))) }
        }
        // An entry written now is matched by the new digest alone.
        #expect(BodyDigest.matches(stored: RequestContext.digest(body), current: RequestContext.digest(body)) { Issue.record("the legacy digest was worked out"); return "" })
        #expect(!BodyDigest.matches(stored: RequestContext.digest(body), current: RequestContext.digest(Data("x".utf8))) { BodyDigest.legacy(Data("x".utf8)) })
    }
}
