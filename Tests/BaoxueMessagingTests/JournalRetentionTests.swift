import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Logging
import Testing

/// The request journal keeps answers for the retention and no longer.
@Suite struct JournalRetentionTests {
    @Test func answersOlderThanTheRetentionArePruned() async throws {
        let database = try DatabaseQueue()
        let now = Timestamp.milliseconds(iso8601: "2026-12-05T00:00:00.000Z")!
        try await database.write { db in
            try RequestJournal.migrate(db)
            for (index, days) in [40, 31, 29, 1].enumerated() {
                try db.execute(
                    sql: "INSERT INTO request_journal (id, type, digest, reply, at) VALUES (?, 't', 'd', x'00', ?)",
                    arguments: ["r\(index)", Timestamp.iso8601(milliseconds: now - Int64(days) * 86_400_000)])
            }
        }
        let pruner = RetentionService(database: database, journalDays: 30, logger: Logger(label: "test"))
        #expect(await pruner.pruneJournal(now: now) == 2)
        #expect(try await database.read { try String.fetchAll($0, sql: "SELECT id FROM request_journal ORDER BY id") } == ["r2", "r3"])
        #expect(await pruner.pruneJournal(now: now) == 0)
    }
}
