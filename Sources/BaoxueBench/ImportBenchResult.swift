import Foundation
import Gateway

/// The figures `bench import` prints.
struct ImportBenchResult: Codable {
    var students: Int
    var accepted: Int
    var rejected: Int
    var importSeconds: Double
    var caughtUpSeconds: Double
    var rowsPerSecond: Double
    var eventsFollowed: Int64
    var rawSQLiteRowsPerSecond: Double
    /// The registry's own statements for the same rows, alone (``RawBaselines/registrySQLRate(_:path:)``):
    /// the import's ceiling with this schema.
    var registrySQLRowsPerSecond: Double
    var rawZeroMQRoundTripMicroseconds: Percentiles
    var ratioToRawSQLite: Double
    var machine: String

    var text: String {
        var table = TextTable(headers: ["measure", "figure"])
        table.rows = [
            ["students in file", "\(students)"],
            ["accepted / rejected", "\(accepted) / \(rejected)"],
            ["import answered (CLI core → registry → SQLite)", String(format: "%.2f s", importSeconds)],
            ["all events followed (subscriber caught up)", String(format: "%.2f s  (%lld events)", caughtUpSeconds, eventsFollowed)],
            ["end-to-end rate", String(format: "%.0f rows/s", rowsPerSecond)],
            ["raw SQLite insert, same rows, one transaction", String(format: "%.0f rows/s", rawSQLiteRowsPerSecond)],
            ["ratio end-to-end / raw SQLite", String(format: "%.3f", ratioToRawSQLite)],
            ["the registry's SQL alone, same rows, batches of 2,500", String(format: "%.0f rows/s (ratio to raw %.3f: the import's ceiling)", registrySQLRowsPerSecond, registrySQLRowsPerSecond / rawSQLiteRowsPerSecond)],
            ["ratio end-to-end / the registry's SQL alone", String(format: "%.3f", rowsPerSecond / registrySQLRowsPerSecond)],
            ["raw libzmq REQ/REP round trip, 100 B, tcp", String(format: "p50 %.0f µs  p99 %.0f µs", rawZeroMQRoundTripMicroseconds.p50, rawZeroMQRoundTripMicroseconds.p99)],
            ["machine", machine],
        ]
        return table.rendered
    }
}
