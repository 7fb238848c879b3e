@testable import BaoxueService
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// A service's database checkpoints off the writer (``WALCheckpointer``): committed pages reach
/// the main file without any writer checkpointing, long before SQLite's own threshold, and the WAL
/// starts over while writes never pause.
@Suite struct ServiceDatabaseTests {
    @Test func committedPagesReachTheMainFileWithoutTheWriterCheckpointing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { try $0.execute(sql: "CREATE TABLE blob (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
        let path = directory.appendingPathComponent("service.sqlite").path
        let pool = try ServiceDatabase.open(path: path, migrator: migrator)
        func mainFileSize() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let before = try mainFileSize()
        // 2 MB in small transactions: ~500 pages, far below the writer's own threshold, so only
        // the checkpointer can move them into the main file.
        for batch in 0..<20 {
            try await pool.write { db in
                for row in 0..<25 { try db.execute(sql: "INSERT INTO blob (id, body) VALUES (?, ?)", arguments: [batch * 25 + row, Data(repeating: UInt8(row), count: 4_000)]) }
            }
        }
        #expect(try await eventually(within: .seconds(10), every: .milliseconds(50)) { try mainFileSize() >= before + 2_000_000 })
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM blob") } == 500)
    }

    /// A new file is made with the page size asked for, and the writer's own checkpoint threshold
    /// stays 256 MiB in those pages; a file that exists keeps its page size, and is read as before
    /// (decision 149).
    @Test func aNewFileTakesThePageSizeAskedForAndAnOldOneKeepsItsOwn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { try $0.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)") }
        func pages(_ pool: DatabasePool) throws -> (size: Int?, autocheckpoint: Int?) {
            try pool.read { db in (try Int.fetchOne(db, sql: "PRAGMA page_size"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")) }
        }
        let large = try ServiceDatabase.open(path: directory.appendingPathComponent("large.sqlite").path, migrator: migrator, pageSize: 16_384)
        #expect(try pages(large).size == 16_384)
        #expect(try pages(large).autocheckpoint == 16_384)
        let oldPath = directory.appendingPathComponent("old.sqlite").path
        try ServiceDatabase.open(path: oldPath, migrator: migrator).write { try $0.execute(sql: "INSERT INTO note (body) VALUES ('保学')") }
        let reopened = try ServiceDatabase.open(path: oldPath, migrator: migrator, pageSize: 16_384)
        #expect(try pages(reopened).size == 4_096)
        #expect(try pages(reopened).autocheckpoint == 65_536)
        #expect(try reopened.read { try String.fetchOne($0, sql: "SELECT body FROM note") } == "保学")
    }

    /// Under writes one after another, a passive checkpoint never finds every frame copied, so
    /// SQLite never starts the WAL over by itself: without the checkpointer's pass on the writer's
    /// connection this WAL grows to the 40 MB written (decision 133).
    @Test func theWALStartsOverWhileWritesNeverPause() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("service.sqlite").path
        var configuration = Configuration()
        // No automatic checkpoint on the writer: only the checkpointer may bound the WAL.
        configuration.prepareDatabase { try $0.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try await pool.write { try $0.execute(sql: "CREATE TABLE blob (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
        try WALCheckpointer.attach(to: pool, path: path, every: .milliseconds(20), restartThresholdBytes: 1 << 20)
        // 40 MB through the WAL in 2,500 transactions of four 4 KB rows, with no pause between them.
        for transaction in 0..<2_500 {
            try await pool.write { db in
                for row in 0..<4 { try db.execute(sql: "INSERT OR REPLACE INTO blob (id, body) VALUES (?, ?)", arguments: [(transaction % 50) * 4 + row, Data(repeating: UInt8(row), count: 4_000)]) }
            }
        }
        let walBytes = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        // The threshold is 1 MB; a tick's frames and the passes' own come on top of it (2 to 3 MB here).
        #expect(walBytes < 16_000_000, "the WAL grew to \(walBytes) bytes")
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM blob") } == 200)
    }

    /// The checkpointer's copies yield the cores to the services' threads (decision 134), and the
    /// pool thread that ran them is back at normal priority afterwards.
    @Test func idlePriorityLowersTheThreadOnlyForItsWork() {
        #if os(Linux)
        let during = IdlePriority.run { sched_getscheduler(0) }
        // SCHED_IDLE, where this process may come back from it (root here; a service account
        // without CAP_SYS_NICE may not, and the work then runs at normal priority).
        #expect(during == (IdlePriority.isAvailable ? 5 : SCHED_OTHER))
        #expect(sched_getscheduler(0) == SCHED_OTHER)
        #endif
    }

    /// On a saturated host an idle thread barely runs: past its limit the work goes on at normal
    /// priority, so a checkpoint cannot starve while the WAL grows.
    @Test func idleWorkIsRaisedPastItsLimit() {
        #if os(Linux)
        let late = IdlePriority.run(atMost: .milliseconds(50)) { () -> Int32 in
            usleep(1_000_000)
            return sched_getscheduler(0)
        }
        #expect(late == SCHED_OTHER)
        #endif
    }
}
