import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// Migration "v5-change-dates": each status change's effective date in a column of its own, so
/// the yearly summary counts a year's transfers, suspensions and dropouts with an index instead of
/// decoding every stored change. Backfilled from the stored changes themselves.
enum ChangeDateSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE status_change ADD COLUMN date TEXT NOT NULL DEFAULT ''")
        let update = try db.makeStatement(sql: "UPDATE status_change SET date = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, change FROM status_change")
        var dates: [(Int64, String)] = []
        while let row = try rows.next() {
            let change = try WireCoding.decode(StatusChange.self, from: row["change"] as Data)
            dates.append((row["id"], change.date.description))
        }
        for (id, date) in dates { try update.execute(arguments: [date, id]) }
        try db.execute(sql: "CREATE INDEX status_change_by_date ON status_change(date, township)")
    }
}
