import BaoxueService
import Foundation
import GRDB
import Testing

/// A statement bound straight from Swift values (decision 155) stores what GRDB's arguments
/// would, row after row, and refuses a wrong count of arguments rather than run with stale ones.
@Suite struct BoundStatementTests {
    private func database() throws -> DatabaseQueue {
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, note TEXT, body BLOB, n INTEGER)")
        }
        return database
    }

    @Test func rowsAreStoredAsBound() throws {
        let database = try database()
        let rows: [(String, String?, Data, Int64)] = [
            ("欧阳·娜娜", nil, Data("{\"a\":1}".utf8), 7),
            ("𠮷田", "", Data(), -3),
            ("Zoë", "x", Data([0, 255, 10]), Int64.max),
        ]
        let changes = try database.write { db in
            let insert = try BoundStatement(db, sql: "INSERT INTO t (name, note, body, n) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            var changes: [Int] = []
            for row in rows + [rows[0]] {
                try insert.run { bind in
                    bind.text(row.0)
                    bind.text(row.1)
                    bind.blob(row.2)
                    bind.integer(row.3)
                }
                changes.append(db.changesCount)
            }
            return changes
        }
        // The repeated name is refused by the unique index, as with GRDB's own arguments.
        #expect(changes == [1, 1, 1, 0])
        let stored = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, note, body, n, typeof(note), typeof(body) FROM t ORDER BY id").map {
                [$0[0] as String, ($0[1] as String?) ?? "NULL", ($0[2] as Data).base64EncodedString(), String($0[3] as Int64), $0[4] as String, $0[5] as String]
            }
        }
        #expect(stored == [
            ["欧阳·娜娜", "NULL", Data("{\"a\":1}".utf8).base64EncodedString(), "7", "null", "blob"],
            ["𠮷田", "", "", "-3", "text", "blob"],
            ["Zoë", "x", "AP8K", String(Int64.max), "text", "blob"],
        ])
    }

    @Test func aWrongCountOfArgumentsIsRefused() throws {
        let database = try database()
        try database.write { db in
            let insert = try BoundStatement(db, sql: "INSERT INTO t (name, n) VALUES (?, ?)")
            #expect(throws: DatabaseError.self) { try insert.run { bind in bind.text("a") } }
            #expect(throws: DatabaseError.self) {
                try insert.run { bind in
                    bind.text("a")
                    bind.integer(1)
                    bind.integer(2)
                }
            }
            try insert.run { bind in
                bind.text("a")
                bind.integer(1)
            }
        }
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM t") } == 1)
    }
}
