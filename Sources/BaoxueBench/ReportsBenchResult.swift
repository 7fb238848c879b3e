import Foundation
import Gateway

/// The figures `bench reports` prints: each page's server time beside plain SQLite on the same
/// children in the same run, against the issue's target (p99 under 200 ms a page).
struct ReportsBenchResult: Codable {
    var students: Int
    var onMonitor: Int
    var loadSeconds: Double
    var requests: Int
    var summary: Percentiles
    var summaryMarkdown: Percentiles
    var kpis: Percentiles
    var countyPage: Percentiles
    var townshipPage: Percentiles
    /// Each service's part of a summary, asked alone.
    var parts: [Part]
    var rawCount: Percentiles
    var rawStatusGroups: Percentiles
    var machine: String

    struct Part: Codable {
        var name: String
        var figures: Percentiles
    }

    var text: String {
        func line(_ name: String, _ figures: Percentiles, target: Bool = true) -> [String] {
            [name, String(format: "%.1f", figures.p50 / 1000), String(format: "%.1f", figures.p99 / 1000), String(format: "%.1f", figures.max / 1000), target ? (figures.p99 < 200_000 ? "met (< 200)" : "MISSED (< 200)") : ""]
        }
        var table = TextTable(headers: ["measure (ms)", "p50", "p99", "max", "target p99"])
        table.rows = [
            line("yearly summary, every service asked (JSON)", summary),
            line("yearly summary as Markdown", summaryMarkdown),
            line("KPI sheet: county, townships, schools", kpis),
            line("dashboard: county home page (HTML)", countyPage),
            line("dashboard: a township's home page (HTML)", townshipPage),
        ] + parts.map { line("  part: " + $0.name, $0.figures, target: false) } + [
            line("raw SQLite: COUNT(*) of the monitor's children", rawCount, target: false),
            line("raw SQLite: children by township, school and status", rawStatusGroups, target: false),
        ]
        return "\(students) students (\(onMonitor) on the monitor), every service's data loaded in \(String(format: "%.0f", loadSeconds)) s; \(requests) requests each, one at a time, after one warm-up; \(machine)\n" + table.rendered
    }
}
