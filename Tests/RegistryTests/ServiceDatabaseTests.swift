import BaoxueService
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

/// A service's database checkpoints off the writer (``WALCheckpointer``): committed pages reach
/// the main file without any writer checkpointing, long before SQLite's own threshold.
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
}
