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
    /// The plain insert of the same rows: the faster of ``rawSQLiteRuns``, the one the ratio uses.
    var rawSQLiteRowsPerSecond: Double
    /// The plain insert measured before the pipeline and again after it (the registry stopped).
    var rawSQLiteRuns: [Double]
    /// The registry's own statements for the same rows, alone (``RawBaselines/registrySQLRate(_:path:)``):
    /// the import's ceiling with this schema.
    var registrySQLRowsPerSecond: Double
    var rawZeroMQRoundTripMicroseconds: Percentiles
    var ratioToRawSQLite: Double
    /// CPU time (user and system) from the first row sent until the follower caught up: the
    /// registry process, and this one (the gateway's core reading and checking the CSV, and the
    /// follower). Beside the wall time they say where the time goes and how busy the cores were.
    var registryCPUSeconds: Double
    var benchCPUSeconds: Double
    /// The stages alone, one thread, same rows (``ImportStages``).
    var stages: ImportStages
    var machine: String

    /// CPU microseconds per student, of a process's `seconds`.
    func perStudent(_ seconds: Double) -> Double { seconds / Double(max(accepted, 1)) * 1e6 }
    /// How many cores the two processes kept busy on average.
    var coresBusy: Double { (registryCPUSeconds + benchCPUSeconds) / max(caughtUpSeconds, 1e-9) }

    var text: String {
        var table = TextTable(headers: ["measure", "figure"])
        table.rows = [
            ["students in file", "\(students)"],
            ["accepted / rejected", "\(accepted) / \(rejected)"],
            ["import answered (CLI core → registry → SQLite)", String(format: "%.2f s", importSeconds)],
            ["all events followed (subscriber caught up)", String(format: "%.2f s  (%lld events)", caughtUpSeconds, eventsFollowed)],
            ["end-to-end rate", String(format: "%.0f rows/s", rowsPerSecond)],
            ["raw SQLite insert, same rows, one transaction", String(format: "%.0f rows/s  (the faster of %@, before and after)", rawSQLiteRowsPerSecond, rawSQLiteRuns.map { String(format: "%.0f", $0) }.joined(separator: " and "))],
            ["ratio end-to-end / raw SQLite", String(format: "%.3f", ratioToRawSQLite)],
            ["CPU per student: registry / CSV, checks and follower", String(format: "%.1f µs / %.1f µs  (%.2f cores busy)", perStudent(registryCPUSeconds), perStudent(benchCPUSeconds), coresBusy)],
            ["stages alone, one thread, CPU per student", String(format: "%.1f µs: batch JSON written %.1f, read %.1f, checks %.1f, write transaction %.1f, outbox read back %.1f", stages.total, stages.encodeBatch, stages.decodeBatch, stages.plan, stages.write, stages.readBack)],
            ["the registry's SQL alone, same rows, its settings, batches of 2,500", String(format: "%.0f rows/s (ratio to raw %.3f)", registrySQLRowsPerSecond, registrySQLRowsPerSecond / rawSQLiteRowsPerSecond)],
            ["ratio end-to-end / the registry's SQL alone", String(format: "%.3f", rowsPerSecond / registrySQLRowsPerSecond)],
            ["raw libzmq REQ/REP round trip, 100 B, tcp", String(format: "p50 %.0f µs  p99 %.0f µs", rawZeroMQRoundTripMicroseconds.p50, rawZeroMQRoundTripMicroseconds.p99)],
            ["machine", machine],
        ]
        return table.rendered
    }
}
