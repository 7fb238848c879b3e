import BaoxueMessaging
import Foundation
import GRDB
import Testing

/// Rows read by position from the statement itself (``StatementColumns``): the same values a
/// `Row` gives, NULL as nil, no row as nil, and a cached statement that reads right when it is
/// run again with other arguments.
@Suite struct StatementColumnsTests {
    static func database() throws -> DatabaseQueue {
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE child (number TEXT PRIMARY KEY, name TEXT NOT NULL, grade INTEGER NOT NULL, poor INTEGER NOT NULL, note TEXT, photo BLOB);
                INSERT INTO child VALUES ('G1', '阿依古丽·买买提', 3, 1, NULL, x'00FF10');
                INSERT INTO child VALUES ('G2', '李𠀋', 9, 0, '转学', NULL);
                INSERT INTO child VALUES ('G3', 'Zhang', 1, 0, '', NULL);
                """)
        }
        return database
    }

    struct Child: Equatable {
        var number: String
        var name: String
        var grade: Int
        var poor: Bool
        var note: String?
        var photo: Data?

        init(number: String, name: String, grade: Int, poor: Bool, note: String?, photo: Data?) {
            (self.number, self.name, self.grade, self.poor, self.note, self.photo) = (number, name, grade, poor, note, photo)
        }

        init(row: some PositionalColumns) {
            self.init(number: row[0], name: row[1], grade: row[2], poor: row[3], note: row[4], photo: row[5])
        }
    }

    static let select = "SELECT number, name, grade, poor, note, photo FROM child"

    @Test func firstRowReadsWhatARowReads() throws {
        let database = try Self.database()
        try database.read { db in
            let statement = try db.cachedStatement(sql: "\(Self.select) WHERE number = ?")
            for number in ["G1", "G2", "G3", "G2"] {
                let read = try statement.fetchFirst(arguments: [number]) { Child(row: $0) }
                let row = try #require(try Row.fetchOne(db, sql: "\(Self.select) WHERE number = ?", arguments: [number]))
                #expect(read == Child(row: row))
                #expect(read?.number == number)
            }
            let first = try #require(try statement.fetchFirst(arguments: ["G1"]) { Child(row: $0) })
            #expect(first == Child(number: "G1", name: "阿依古丽·买买提", grade: 3, poor: true, note: nil, photo: Data([0x00, 0xFF, 0x10])))
            let second = try #require(try statement.fetchFirst(arguments: ["G2"]) { Child(row: $0) })
            #expect(second == Child(number: "G2", name: "李𠀋", grade: 9, poor: false, note: "转学", photo: nil))
        }
    }

    @Test func noRowIsNil() throws {
        let database = try Self.database()
        try database.read { db in
            let statement = try db.cachedStatement(sql: "\(Self.select) WHERE number = ?")
            #expect(try statement.fetchFirst(arguments: ["G9"]) { Child(row: $0) } == nil)
            // The statement is still good for a row that exists after one that did not.
            #expect(try statement.fetchFirst(arguments: ["G3"]) { Child(row: $0) }?.name == "Zhang")
        }
    }

    @Test func everyRowInOrderAndNoneForNoMatch() throws {
        let database = try Self.database()
        try database.read { db in
            let statement = try db.cachedStatement(sql: "\(Self.select) WHERE grade >= ? ORDER BY number")
            var numbers: [String] = []
            try statement.forEachRow(arguments: [2]) { numbers.append($0[0]) }
            #expect(numbers == ["G1", "G2"])
            numbers = []
            try statement.forEachRow(arguments: [10]) { numbers.append($0[0]) }
            #expect(numbers.isEmpty)
            try statement.forEachRow(arguments: [0]) { numbers.append($0[0]) }
            #expect(numbers == ["G1", "G2", "G3"])
        }
    }

    /// A NULL in the first column (the one the cursor steps on) is still a row.
    @Test func nullFirstColumnIsARow() throws {
        let database = try Self.database()
        try database.read { db in
            let note = try db.cachedStatement(sql: "SELECT note, number FROM child WHERE number = ?").fetchFirst(arguments: ["G1"]) { row in
                (row[0] as String?, row[1] as String)
            }
            #expect(note?.0 == nil)
            #expect(note?.1 == "G1")
        }
    }
}
