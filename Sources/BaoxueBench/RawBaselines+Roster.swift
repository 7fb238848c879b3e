import BaoxueContracts
import BaoxueDemo
import Foundation
import GRDB
import Gateway

extension RawBaselines {
    /// The floor under a roster import and a cross-check, on the same rows: the roster inserted
    /// into a scratch SQLite file with one prepared statement in one transaction (WAL,
    /// synchronous=NORMAL, a unique index on the ID number as the monitor has), then the raw
    /// scan and join the cross-check's first comparison makes against `students` registered
    /// children.
    static func rosterBaseline(_ population: DemoPopulation, students: [StudentRecord], bornFrom: String, bornTo: String, path: String) throws -> (insertRowsPerSecond: Double, scanSeconds: Double, found: Int) {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
            try db.execute(sql: """
                CREATE TABLE roster (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT, region TEXT, township TEXT, guardian TEXT, phone TEXT);
                CREATE TABLE student (number TEXT PRIMARY KEY, id_number TEXT UNIQUE, status TEXT);
                """)
        }
        let start = ContinuousClock.now
        try queue.inTransaction { db in
            let statement = try db.makeStatement(sql: "INSERT INTO roster (id_number, name, region, township, guardian, phone) VALUES (?,?,?,?,?,?)")
            for child in population.children {
                statement.setUncheckedArguments([child.idNumber, child.name, child.householdRegion, RosterChild.township(ofRegion: child.householdRegion), child.guardianName, child.guardianPhone])
                try statement.execute()
            }
            return .commit
        }
        let insertRate = Double(population.children.count) / (ContinuousClock.now - start).seconds
        try queue.inTransaction { db in
            let statement = try db.makeStatement(sql: "INSERT INTO student (number, id_number, status) VALUES (?,?,'enrolled')")
            for student in students {
                statement.setUncheckedArguments([student.studentNumber.value, student.idNumber?.value])
                try statement.execute()
            }
            return .commit
        }
        let scanStart = ContinuousClock.now
        let found = try queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM roster r LEFT JOIN student s ON s.id_number = r.id_number
                WHERE substr(r.id_number, 7, 8) BETWEEN ? AND ? AND s.number IS NULL
                """, arguments: [bornFrom, bornTo]) ?? 0
        }
        return (insertRate, (ContinuousClock.now - scanStart).seconds, found)
    }
}
