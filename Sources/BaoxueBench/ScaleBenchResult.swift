import Foundation
import Gateway

/// The figures `bench scale` prints for one size.
struct ScaleBenchResult: Codable {
    var students: Int
    var counties: Int
    var accepted: Int
    var rejected: Int
    var importSeconds: Double
    var importRowsPerSecond: Double
    var rawInsertRowsPerSecond: Double
    var monitorCatchUpSeconds: Double
    /// The monitor's CPU time from the first import until it had every child.
    var monitorCPUSeconds: Double
    var rosterRows: Int
    var rosterSeconds: Double
    var crosscheckSeconds: Double
    var suspects: Int
    /// The registry's single-student request, microseconds.
    var lookup: Percentiles
    var rawLookup: Percentiles
    var registryDatabaseBytes: Int
    var monitorDatabaseBytes: Int
    var registryPeakBytes: Int
    var monitorPeakBytes: Int
    var benchPeakBytes: Int
    var machine: String

    /// The monitor's CPU per student accepted, from the first import until it had every child.
    var monitorCPUMicrosecondsPerStudent: Double { monitorCPUSeconds / Double(max(accepted, 1)) * 1e6 }

    static func mebibytes(_ bytes: Int) -> String { String(format: "%.0f MiB", Double(bytes) / 1_048_576) }

    var text: String {
        let target = BenchScaleCommand.memoryTargetBytes
        var table = TextTable(headers: ["measure", "figure", "raw baseline / target"])
        table.rows = [
            ["students (counties of ≤ 2,000,000)", "\(students) (\(counties)); accepted \(accepted), rejected \(rejected)", ""],
            ["student import, registry answered", String(format: "%.0f rows/s (%.1f s)", importRowsPerSecond, importSeconds), String(format: "raw SQLite insert %.0f rows/s (ratio %.3f)", rawInsertRowsPerSecond, importRowsPerSecond / rawInsertRowsPerSecond)],
            ["monitor caught up after the last row", String(format: "%.1f s", monitorCatchUpSeconds), ""],
            ["monitor CPU per student (import to caught up)", String(format: "%.1f µs", monitorCPUMicrosecondsPerStudent), ""],
            ["household roster import (monitor)", rosterRows == 0 ? "not run" : String(format: "%d rows in %.1f s (%.0f rows/s)", rosterRows, rosterSeconds, Double(rosterRows) / rosterSeconds), ""],
            ["cross-check, whole province", rosterRows == 0 ? "not run" : String(format: "%.1f s, %d suspects open", crosscheckSeconds, suspects), ""],
            ["single-student look-up (registry request)", String(format: "p50 %.2f ms  p99 %.2f ms", lookup.p50 / 1000, lookup.p99 / 1000), String(format: "raw SQLite p50 %.3f ms  p99 %.3f ms; target p99 ≤ 10 ms", rawLookup.p50 / 1000, rawLookup.p99 / 1000)],
            ["registry database", Self.mebibytes(registryDatabaseBytes), ""],
            ["monitor database", Self.mebibytes(monitorDatabaseBytes), ""],
            ["registry peak resident memory", Self.mebibytes(registryPeakBytes), registryPeakBytes <= target ? "≤ 1 GiB: met" : "≤ 1 GiB: MISSED"],
            ["monitor peak resident memory", Self.mebibytes(monitorPeakBytes), monitorPeakBytes <= target ? "≤ 1 GiB: met" : "≤ 1 GiB: MISSED"],
            ["benchmark process peak (generator + gateway core)", Self.mebibytes(benchPeakBytes), "not a service"],
            ["machine", machine, ""],
        ]
        return table.rendered
    }
}
