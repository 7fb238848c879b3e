import Foundation
import GRDB

extension RawBaselines {
    /// The floor under a roster import and a batch, on the same rows: the list's people inserted
    /// into a scratch SQLite file with one prepared statement in one transaction (WAL,
    /// synchronous=NORMAL, a unique index on ID number and category as the service has), then
    /// `payments` payment rows likewise, with the unique index on child, program and term the
    /// service's guard against paying twice relies on.
    static func subsidyBaseline(roster: [(idNumber: String, name: String, township: String)], payments: Int, program: String, term: String, path: String) throws -> (rosterRowsPerSecond: Double, paymentRowsPerSecond: Double) {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
            try db.execute(sql: """
                CREATE TABLE membership (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL, township TEXT NOT NULL, since TEXT NOT NULL);
                CREATE UNIQUE INDEX membership_once ON membership(id_number, category);
                CREATE TABLE payment (id INTEGER PRIMARY KEY, student TEXT NOT NULL, program TEXT NOT NULL, term TEXT NOT NULL, amount INTEGER NOT NULL,
                    central INTEGER NOT NULL, provincial INTEGER NOT NULL, county INTEGER NOT NULL, state TEXT NOT NULL, batch INTEGER NOT NULL, recorded_at TEXT NOT NULL);
                CREATE UNIQUE INDEX payment_once ON payment(student, program, term) WHERE state != 'failed';
                """)
        }
        let rosterStart = ContinuousClock.now
        try queue.inTransaction { db in
            let statement = try db.makeStatement(sql: "INSERT INTO membership (id_number, name, category, township, since) VALUES (?, ?, 'registeredPoor', ?, '2026-08-01')")
            for person in roster {
                statement.setUncheckedArguments([person.idNumber, person.name, person.township])
                try statement.execute()
            }
            return .commit
        }
        let rosterRate = Double(roster.count) / (ContinuousClock.now - rosterStart).seconds
        let count = max(min(payments, roster.count), 1)
        let paymentStart = ContinuousClock.now
        try queue.inTransaction { db in
            let statement = try db.makeStatement(sql: "INSERT INTO payment (student, program, term, amount, central, provincial, county, state, batch, recorded_at) VALUES (?, ?, ?, 25000, 12500, 7500, 5000, 'pending', 1, '2026-12-05T00:00:00Z')")
            for person in roster.prefix(count) {
                statement.setUncheckedArguments(["G" + person.idNumber, program, term])
                try statement.execute()
            }
            return .commit
        }
        return (rosterRate, Double(count) / (ContinuousClock.now - paymentStart).seconds)
    }
}
