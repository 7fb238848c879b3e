import BaoxueContracts
import GRDB

/// The operator-entered figures of the yearly summary (``ReportInput``), kept in
/// `gateway.sqlite` beside the audit log that records each change.
extension AccessStore {
    /// The year's entered figures, in the order of ``ReportInputKey``.
    public func reportInputs(year: Int) async throws -> [ReportInput] {
        let inputs = try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value, note, enteredBy, enteredAt FROM report_input WHERE year = ?", arguments: [year]).compactMap { row -> ReportInput? in
                guard let key = ReportInputKey(rawValue: row["key"]) else { return nil }
                return ReportInput(year: year, key: key, value: row["value"], note: row["note"], enteredBy: row["enteredBy"], enteredAt: row["enteredAt"])
            }
        }
        return ReportInputKey.allCases.compactMap { key in inputs.first { $0.key == key } }
    }

    /// Sets the year's figure for `input.key`, returning the value it replaced.
    public func setReportInput(_ input: ReportInput) async throws -> String? {
        try await pool.write { db in
            let earlier = try String.fetchOne(db, sql: "SELECT value FROM report_input WHERE year = ? AND key = ?", arguments: [input.year, input.key.rawValue])
            try db.execute(
                sql: "INSERT OR REPLACE INTO report_input (year, key, value, note, enteredBy, enteredAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [input.year, input.key.rawValue, input.value, input.note, input.enteredBy, input.enteredAt])
            return earlier
        }
    }

    /// Removes the year's figure for `key`, returning the value removed (nil when none was set).
    public func clearReportInput(year: Int, key: ReportInputKey) async throws -> String? {
        try await pool.write { db in
            let earlier = try String.fetchOne(db, sql: "SELECT value FROM report_input WHERE year = ? AND key = ?", arguments: [year, key.rawValue])
            try db.execute(sql: "DELETE FROM report_input WHERE year = ? AND key = ?", arguments: [year, key.rawValue])
            return earlier
        }
    }
}
