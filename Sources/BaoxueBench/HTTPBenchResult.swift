import Foundation
import Gateway

/// The figures `bench http` prints: each kind of request at a constant rate, beside a raw SQLite
/// look-up, and the audit lines written against the look-ups answered.
struct HTTPBenchResult: Codable {
    var students: Int
    var rate: Int
    var seconds: Int
    var scenarios: [Scenario]
    var rawLookup: Percentiles
    var lookupsAnswered: Int
    var auditLines: Int
    var gatewayPeakBytes: Int
    var machine: String

    struct Scenario: Codable {
        var name: String
        var load: ConstantRateLoad.Result
    }

    /// The issue's target: look-ups p99 ≤ 10 ms at 2,000 requests a second.
    static let targetMicroseconds = 10_000.0

    var text: String {
        var table = TextTable(headers: ["requests (constant rate)", "achieved/s", "p50 ms", "p99 ms", "max ms", "answers", "target p99 ≤ 10 ms"])
        table.rows = scenarios.map { scenario in
            let load = scenario.load
            let answers = load.statuses.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "none" : String($0.key)): \($0.value)" }.joined(separator: " ")
            return [
                scenario.name, String(format: "%.0f", load.achievedPerSecond), String(format: "%.2f", load.latency.p50 / 1000),
                String(format: "%.2f", load.latency.p99 / 1000), String(format: "%.1f", load.latency.max / 1000), answers,
                load.latency.p99 <= Self.targetMicroseconds && load.ok == load.sent ? "met" : "MISSED",
            ]
        }
        table.rows.append(["raw SQLite indexed look-up, registry's file", "", String(format: "%.3f", rawLookup.p50 / 1000), String(format: "%.3f", rawLookup.p99 / 1000), String(format: "%.2f", rawLookup.max / 1000), "", ""])
        return """
            \(students) students, \(rate) requests/s asked for \(seconds) s per kind, latency from each request's due time; \(machine)
            \(table.rendered)
            audit lines for look-ups: \(auditLines) written for \(lookupsAnswered) answered\(auditLines >= lookupsAnswered ? "" : " — LINES MISSING")
            benchmark process (gateway core + load) peak resident memory: \(gatewayPeakBytes / 1_048_576) MiB
            """
    }
}
