import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The household-registration roster (户籍适龄人口), which the cross-check compares with the
/// registry. Upserted by ID number, so importing the same file again changes nothing.
extension CrosscheckStore {
    /// Writes one batch with one prepared statement in the caller's transaction. A row whose
    /// values are all as stored counts as unchanged and is not written; the counts come from
    /// SQLite's change counter and the highest row id, so no row is read back.
    func importRoster(_ db: Database, _ batch: RosterBatch) throws -> ImportReport {
        var report = ImportReport(rejected: batch.invalidRows)
        let lastID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM roster_child") ?? 0
        let changesBefore = db.totalChangesCount
        let now = Timestamp.now()
        let statement = try db.makeStatement(sql: """
            INSERT INTO roster_child (id_number, name, region, township, guardian_name, guardian_phone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id_number) DO UPDATE SET name = excluded.name, region = excluded.region, township = excluded.township,
                guardian_name = excluded.guardian_name, guardian_phone = excluded.guardian_phone, updated_at = excluded.updated_at
            WHERE name IS NOT excluded.name OR region IS NOT excluded.region
                OR guardian_name IS NOT excluded.guardian_name OR guardian_phone IS NOT excluded.guardian_phone
            """)
        var accepted = 0
        for row in batch.rows {
            let child = row.record
            let problems = child.consistencyProblems()
            guard problems.isEmpty else {
                report.rejected += problems.map { RowProblem(row: row.row, column: $0.field, reason: $0.reason) }
                continue
            }
            statement.setUncheckedArguments([child.idNumber.value, child.name, child.householdRegion, child.township, child.guardianName, child.guardianPhone, now])
            try statement.execute()
            accepted += 1
        }
        let written = db.totalChangesCount - changesBefore
        let inserted = Int((try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM roster_child") ?? 0) - lastID)
        report.imported = inserted
        report.updated = written - inserted
        report.unchanged = accepted - written
        return report
    }
}
