import Foundation
import Gateway

/// The figures `bench crosscheck` prints.
struct CrosscheckBenchResult: Codable {
    var population: Int
    var students: Int
    var accepted: Int
    var rejected: Int
    var importSeconds: Double
    var rowsPerSecond: Double
    var reimportSeconds: Double
    var reimportUnchanged: Int
    var crosscheckSeconds: Double
    var crosscheckInsideMonitorSeconds: Double
    var rerunSeconds: Double
    var schoolAge: Int
    var suspects: Int
    var suspectsExpected: Int
    var rerunOpened: Int
    var monitorCatchUpSeconds: Double
    var batchSize: Int
    /// One core, the whole file, each stage alone.
    var parseSeconds: Double
    var checkSeconds: Double
    var encodeSeconds: Double
    var decodeSeconds: Double
    var rawSQLiteInsertRowsPerSecond: Double
    var rawScanJoinSeconds: Double
    var rawScanFound: Int
    var machine: String

    var text: String {
        var table = TextTable(headers: ["measure", "figure"])
        table.rows = [
            ["roster rows / registry students", "\(population) / \(students)"],
            ["accepted / rejected", "\(accepted) / \(rejected)"],
            ["roster import, end to end (CSV → gateway core → monitor → SQLite)", String(format: "%.2f s", importSeconds)],
            ["roster import rate", String(format: "%.0f rows/s  (target ≥ 50,000)", rowsPerSecond)],
            ["raw SQLite insert, same rows, one prepared statement", String(format: "%.0f rows/s", rawSQLiteInsertRowsPerSecond)],
            ["ratio end-to-end / raw SQLite", String(format: "%.3f", rowsPerSecond / rawSQLiteInsertRowsPerSecond)],
            ["same file again (all unchanged)", String(format: "%.2f s  (%d unchanged)", reimportSeconds, reimportUnchanged)],
            ["full cross-check, as the caller waits", String(format: "%.2f s  (target ≤ 10 s)", crosscheckSeconds)],
            ["  of which inside the monitor's transaction", String(format: "%.2f s", crosscheckInsideMonitorSeconds)],
            ["  re-run (nothing new)", String(format: "%.2f s  (%d opened)", rerunSeconds, rerunOpened)],
            ["raw SQLite scan + join of the same rows", String(format: "%.2f s  (%d not registered)", rawScanJoinSeconds, rawScanFound)],
            ["school-age on the roster / open suspects (expected)", "\(schoolAge) / \(suspects) (\(suspectsExpected))"],
            ["monitor caught up with the registry after its import", String(format: "%.1f s", monitorCatchUpSeconds)],
            ["rows per message", "\(batchSize)"],
            ["stages alone, one core: CSV decode + parse", String(format: "%.2f s", parseSeconds)],
            ["  rows put in ID order and checked (ID, region, phone, duplicates)", String(format: "%.2f s", checkSeconds)],
            ["  batches written as JSON (gateway)", String(format: "%.2f s", encodeSeconds)],
            ["  batches read with JSONReader (monitor)", String(format: "%.2f s", decodeSeconds)],
            ["machine", machine],
        ]
        return table.rendered
    }
}
