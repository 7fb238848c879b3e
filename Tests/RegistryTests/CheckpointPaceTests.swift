@testable import BaoxueService
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// While bulk writes go on, the checkpointer copies every half second instead of every tick
/// (decision 158); before, after and without them it copies every tick.
@Suite struct CheckpointPaceTests {
    static let millisecond: UInt64 = 1_000_000

    @Test func ticksCopyEveryTimeWithoutBulkWrites() {
        let pace = CheckpointPace()
        let start: UInt64 = 10_000 * Self.millisecond
        #expect(!pace.inBulk(now: start))
        #expect(pace.copies(now: start, lastCopy: start - 50 * Self.millisecond))
        #expect(pace.copies(now: start, lastCopy: start - 1 * Self.millisecond))
    }

    @Test func bulkWritesSpaceTheCopiesHalfASecondApart() {
        let pace = CheckpointPace()
        let start: UInt64 = 10_000 * Self.millisecond
        pace.noteBulkWrite(now: start)
        #expect(pace.inBulk(now: start + 100 * Self.millisecond))
        // A tick 50 ms after the last copy waits; one half a second after it copies.
        #expect(!pace.copies(now: start + 50 * Self.millisecond, lastCopy: start))
        #expect(!pace.copies(now: start + 250 * Self.millisecond, lastCopy: start))
        pace.noteBulkWrite(now: start + 400 * Self.millisecond)
        #expect(pace.copies(now: start + 500 * Self.millisecond, lastCopy: start))
    }

    @Test func theUsualPaceComesBackShortlyAfterTheLastBulkWrite() {
        let pace = CheckpointPace()
        let start: UInt64 = 10_000 * Self.millisecond
        pace.noteBulkWrite(now: start)
        #expect(!pace.copies(now: start + 200 * Self.millisecond, lastCopy: start + 150 * Self.millisecond))
        #expect(!pace.inBulk(now: start + CheckpointPace.bulkWindowNanoseconds))
        #expect(pace.copies(now: start + CheckpointPace.bulkWindowNanoseconds, lastCopy: start + 250 * Self.millisecond))
    }

    /// While bulk writes are marked without pause, committed pages still reach the main file: the
    /// slower pace copies less often, never not at all.
    @Test func bulkWritesStillReachTheMainFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-pace-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { try $0.execute(sql: "CREATE TABLE blob (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
        let path = directory.appendingPathComponent("service.sqlite").path
        let pace = CheckpointPace()
        let pool = try ServiceDatabase.open(path: path, migrator: migrator, pace: pace)
        func mainFileSize() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let before = try mainFileSize()
        // Marked as bulk from before the first write until the end of the test, every 50 ms (the
        // window is 300 ms): the checkpointer never leaves the bulk pace.
        let marking = Task {
            while !Task.isCancelled {
                pace.noteBulkWrite()
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { marking.cancel() }
        pace.noteBulkWrite()
        // 2 MB in twenty transactions, as in `ServiceDatabaseTests`: far below the writer's own
        // threshold, so only the checkpointer can move them into the main file.
        for batch in 0..<20 {
            try await pool.write { db in
                for row in 0..<25 { try db.execute(sql: "INSERT INTO blob (id, body) VALUES (?, ?)", arguments: [batch * 25 + row, Data(repeating: UInt8(row), count: 4_000)]) }
            }
        }
        #expect(pace.inBulk())
        #expect(try await eventually(within: .seconds(30), every: .milliseconds(50)) { try mainFileSize() >= before + 2_000_000 })
        #expect(pace.inBulk())
    }
}
