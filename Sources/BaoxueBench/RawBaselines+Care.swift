import BaoxueContracts
import Foundation
import GRDB

extension RawBaselines {
    /// The floor under `bench care`, on the same children in the same run: the ledger's rows
    /// inserted with one prepared statement in one transaction (WAL, synchronous=NORMAL) into
    /// tables shaped like the care service's (child, ledger entry, assignment), then the gap sweep
    /// as SQL alone: one pass over every child on the ledger with their current assignment (what
    /// the service's sweep reads), and the two gap counts (no surrogate after the grace days, no
    /// contact within the period) as one query. No rules in Swift, no alerts, no messages.
    ///
    /// `assigned` children (the first ones) are given a surrogate parent today, five to a
    /// surrogate, as the benchmark does through the service; the service's ledger leaves out the
    /// few who are 16 already, so its gap count can be a little lower.
    static func careBaseline(_ students: [StudentRecord], assigned: Int, today: CivilDate, path: String) throws -> (insertRowsPerSecond: Double, scanSeconds: Double, gapSeconds: Double, gaps: Int) {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            try db.execute(sql: """
                CREATE TABLE child (number TEXT PRIMARY KEY, name TEXT NOT NULL, school TEXT NOT NULL, township TEXT NOT NULL, birth_date TEXT NOT NULL);
                CREATE TABLE ledger_entry (id INTEGER PRIMARY KEY, student TEXT NOT NULL UNIQUE, state TEXT NOT NULL, reasons TEXT NOT NULL,
                  family TEXT NOT NULL, entered_on TEXT NOT NULL);
                CREATE INDEX ledger_by_state ON ledger_entry(state, entered_on);
                CREATE TABLE assignment (id INTEGER PRIMARY KEY, student TEXT NOT NULL, surrogate_id INTEGER NOT NULL, assigned_on TEXT NOT NULL,
                  last_contact_on TEXT, ended_on TEXT);
                CREATE INDEX assignment_current ON assignment(student) WHERE ended_on IS NULL;
                """)
        }
        let family = #"{"father":{"situation":"away","place":"广东东莞"},"mother":{"situation":"away","place":"浙江义乌"},"guardian":{"name":"王秀英","relation":"grandparent","age":68}}"#
        let start = ContinuousClock.now
        try queue.inTransaction { db in
            let child = try db.makeStatement(sql: "INSERT INTO child VALUES (?, ?, ?, ?, ?)")
            let entry = try db.makeStatement(sql: "INSERT INTO ledger_entry (student, state, reasons, family, entered_on) VALUES (?, 'active', 'bothParentsAway', ?, ?)")
            for (index, student) in students.enumerated() {
                let number = student.studentNumber.value
                try child.execute(arguments: [number, student.name, student.schoolCode, "510123101", student.birthDate.description])
                try entry.execute(arguments: [number, family, today.adding(days: -30 - index % 200).description])
            }
            return .commit
        }
        let inserted = ContinuousClock.now - start
        try queue.inTransaction { db in
            let assign = try db.makeStatement(sql: "INSERT INTO assignment (student, surrogate_id, assigned_on, last_contact_on) VALUES (?, ?, ?, ?)")
            for (index, student) in students.prefix(assigned).enumerated() {
                try assign.execute(arguments: [student.studentNumber.value, index / 5 + 1, today.description, nil])
            }
            return .commit
        }
        let scanStart = ContinuousClock.now
        let scanned = try queue.read { db -> Int in
            var scanned = 0
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT e.student, c.name, c.school, c.township, e.entered_on, a.surrogate_id, a.assigned_on, a.last_contact_on
                FROM ledger_entry e JOIN child c ON c.number = e.student LEFT JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL
                WHERE e.state = 'active'
                """)
            while let row = try cursor.next() {
                let number: String = row[0]
                let entered: String = row[4]
                if !number.isEmpty, !entered.isEmpty { scanned += 1 }
            }
            return scanned
        }
        precondition(scanned == students.count)
        let scanSeconds = (ContinuousClock.now - scanStart).seconds
        let gapStart = ContinuousClock.now
        let grace = today.adding(days: -14).description
        let gaps = try queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM ledger_entry e LEFT JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL
                WHERE e.state = 'active' AND ((a.id IS NULL AND e.entered_on <= ?) OR (a.id IS NOT NULL AND COALESCE(a.last_contact_on, a.assigned_on) < ?))
                """, arguments: [grace, grace]) ?? 0
        }
        let gapSeconds = (ContinuousClock.now - gapStart).seconds
        return (Double(students.count) / inserted.seconds, scanSeconds, gapSeconds, gaps)
    }
}
