import Foundation
import Gateway

/// The figures `bench subsidy` prints.
struct SubsidyBenchResult: Codable {
    var students: Int
    var listed: Int
    var rosterMatched: Int
    var importSeconds: Double
    var rosterRowsPerSecond: Double
    var rawRosterInsertRowsPerSecond: Double
    var eligible: Int
    var eligibilitySeconds: Double
    var program: String
    var paid: Int
    var excluded: Int
    var batchSeconds: Double
    var paymentsPerSecond: Double
    var rawPaymentInsertRowsPerSecond: Double
    var subsidyCatchUpSeconds: Double
    var machine: String

    var text: String {
        var table = TextTable(headers: ["measure", "figure"])
        table.rows = [
            ["registry students / on the list (matched)", "\(students) / \(listed) (\(rosterMatched))"],
            ["roster import, end to end (CSV → gateway core → subsidy → SQLite)", String(format: "%.2f s", importSeconds)],
            ["roster import rate", String(format: "%.0f rows/s", rosterRowsPerSecond)],
            ["raw SQLite insert, same rows, one prepared statement", String(format: "%.0f rows/s", rawRosterInsertRowsPerSecond)],
            ["eligibility for the term (every child × program, counted)", String(format: "%.2f s  (%d eligible)", eligibilitySeconds, eligible)],
            ["one batch (\(program)), as the caller waits", String(format: "%.2f s  (%d paid, %d excluded)", batchSeconds, paid, excluded)],
            ["batch rate", String(format: "%.0f payments/s", paymentsPerSecond)],
            ["raw SQLite insert of the same payments (unique index)", String(format: "%.0f rows/s", rawPaymentInsertRowsPerSecond)],
            ["ratio batch / raw SQLite", String(format: "%.3f  (target ≥ 0.3)", paymentsPerSecond / rawPaymentInsertRowsPerSecond)],
            ["subsidy service caught up with the registry after its import", String(format: "%.1f s", subsidyCatchUpSeconds)],
            ["machine", machine],
        ]
        return table.rendered
    }
}
