import Foundation
import Gateway

/// The figures `bench care` prints.
struct CareBenchResult: Codable {
    var children: Int
    var accepted: Int
    var rejected: Int
    var onLedger: Int
    var careCatchUpSeconds: Double
    var importSeconds: Double
    var rowsPerSecond: Double
    var reimportSeconds: Double
    var reimportUnchanged: Int
    var assigned: Int
    var assignSeconds: Double
    var firstSweepSeconds: Double
    var firstSweepInsideCareSeconds: Double
    var firstSweepOpened: Int
    var sweepSeconds: Double
    var sweepInsideCareSeconds: Double
    var sweepOpened: Int
    var gapsSeconds: Double
    var withoutSurrogate: Int
    var overdueContacts: Int
    var rawSQLiteInsertRowsPerSecond: Double
    var rawScanSeconds: Double
    var rawGapQuerySeconds: Double
    var rawGaps: Int
    var machine: String

    var text: String {
        var table = TextTable(headers: ["measure", "figure"])
        table.rows = [
            ["children in the registry, all rural 双亲留守", "\(children)"],
            ["care caught up with the registry's import", String(format: "%.1f s", careCatchUpSeconds)],
            ["ledger rows accepted / rejected / on the ledger", "\(accepted) / \(rejected) / \(onLedger)"],
            ["ledger import, end to end (CSV → gateway core → care → SQLite)", String(format: "%.2f s", importSeconds)],
            ["ledger import rate", String(format: "%.0f rows/s", rowsPerSecond)],
            ["raw SQLite insert, same children, one prepared statement", String(format: "%.0f rows/s", rawSQLiteInsertRowsPerSecond)],
            ["ratio end-to-end / raw SQLite", String(format: "%.3f", rowsPerSecond / rawSQLiteInsertRowsPerSecond)],
            ["same file again (all unchanged)", String(format: "%.2f s  (%d unchanged)", reimportSeconds, reimportUnchanged)],
            ["children given a surrogate parent, one request each", String(format: "%d in %.1f s", assigned, assignSeconds)],
            ["first gap sweep after the import (its writes opened the alerts)", String(format: "%.2f s  (%d opened)", firstSweepSeconds, firstSweepOpened)],
            ["  of which inside care's transaction", String(format: "%.2f s", firstSweepInsideCareSeconds)],
            ["full gap sweep, nothing new, as the caller waits", String(format: "%.2f s  (target < 1 s; %d opened)", sweepSeconds, sweepOpened)],
            ["  of which inside care's transaction", String(format: "%.2f s", sweepInsideCareSeconds)],
            ["gaps report (care gaps)", String(format: "%.2f s  (%d without a surrogate, %d overdue)", gapsSeconds, withoutSurrogate, overdueContacts)],
            ["raw SQLite: one pass over the ledger with assignments", String(format: "%.2f s", rawScanSeconds)],
            ["raw SQLite: both gap counts in one query", String(format: "%.2f s  (%d)", rawGapQuerySeconds, rawGaps)],
            ["machine", machine],
        ]
        return table.rendered
    }
}
