import BaoxueMessaging
import BaoxueTestSupport
import GRDB
import Testing

/// ``SparseUpdate`` (decision 161): one statement for each combination of groups, the groups in
/// their order after the assignments every update makes; and an index whose columns a statement
/// does not name is left as it was.
@Suite struct SparseUpdateTests {
    let update = SparseUpdate(table: "child", always: "note = ?", groups: ["status = ?", "school = ?, township = ?"], key: "id = ?")

    @Test func eachMaskNamesItsGroupsInOrder() {
        #expect(update.sql(0) == "UPDATE child SET note = ? WHERE id = ?")
        #expect(update.sql(1) == "UPDATE child SET note = ?, status = ? WHERE id = ?")
        #expect(update.sql(2) == "UPDATE child SET note = ?, school = ?, township = ? WHERE id = ?")
        #expect(update.sql(3) == "UPDATE child SET note = ?, status = ?, school = ?, township = ? WHERE id = ?")
    }

    /// What the decision rests on, in SQLite itself: an update naming an indexed column set to
    /// the value it has writes the index's page to the WAL; one that does not name it does not.
    /// Should SQLite ever skip unchanged keys by itself, this fails, and the statements can go.
    @Test func anIndexNamedInTheUpdateIsRewrittenEvenWhenItsValuesAreTheSame() throws {
        let directory = TemporaryDirectory("sparse-update")
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.file("child.sqlite"))
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE child (id INTEGER PRIMARY KEY, note TEXT, status TEXT, school TEXT, township TEXT)")
            try db.execute(sql: "CREATE INDEX child_place ON child(school, township)")
            try db.execute(sql: "INSERT INTO child VALUES (1, 'a', 'enrolled', 'S1', 'T1')")
        }
        /// WAL frames one update writes, from an empty WAL.
        func frames(note: String, placeNamed: Bool) throws -> Int {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.write { db in
                try update.execute(db, always: [note], groups: [(false, ["enrolled"]), (placeNamed, ["S1", "T1"])], key: [1])
            }
            return try pool.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }
        }
        let sparse = try frames(note: "b", placeNamed: false)
        let named = try frames(note: "c", placeNamed: true)
        #expect(sparse == 1, "the table's page alone")
        #expect(named == sparse + 1, "the table's page and the index's")
        #expect(try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try pool.read { db in try String.fetchOne(db, sql: "SELECT note || status || school || township FROM child") } == "cenrolledS1T1")
    }
}
