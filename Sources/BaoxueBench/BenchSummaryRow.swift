import Foundation

/// One line of `bench all`'s table: a figure, the raw baseline measured beside it in the same
/// run, and the target it is held to (`met` nil when it has none).
struct BenchSummaryRow {
    var benchmark: String
    var measure: String
    var figure: String
    var raw: String
    var target: String
    var met: Bool?

    static func ms(_ microseconds: Double) -> String { String(format: "%.2f ms", microseconds / 1000) }
    static func rate(_ perSecond: Double) -> String { String(format: "%.0f rows/s", perSecond) }

    /// The same table as Markdown, for docs/performance.md.
    static func markdown(_ rows: [BenchSummaryRow]) -> String {
        var lines = ["| benchmark | measure | figure | raw baseline, same run | target | |", "|---|---|---|---|---|---|"]
        for row in rows {
            let cells = [row.benchmark, row.measure, row.figure, row.raw, row.target, row.met.map { $0 ? "met" : "**missed**" } ?? ""]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

extension ImportBenchResult {
    var summaryRows: [BenchSummaryRow] {
        [BenchSummaryRow(
            benchmark: "import", measure: "\(students) students, end to end with a follower",
            figure: String(format: "%.2f s, %@ (ratio %.3f)", caughtUpSeconds, BenchSummaryRow.rate(rowsPerSecond), ratioToRawSQLite),
            raw: "SQLite insert " + BenchSummaryRow.rate(rawSQLiteRowsPerSecond) + " (the faster of before and after)", target: "ratio ≥ 0.35", met: ratioToRawSQLite >= 0.35),
         BenchSummaryRow(
            benchmark: "import", measure: "  CPU per student: registry / CSV, checks and follower",
            figure: String(format: "%.1f µs / %.1f µs (%.2f cores busy)", perStudent(registryCPUSeconds), perStudent(benchCPUSeconds), coresBusy),
            raw: "", target: "", met: nil),
         BenchSummaryRow(
            benchmark: "import", measure: "  stages alone, one thread: JSON written / read, checks, write transaction, read back",
            figure: String(format: "%.1f / %.1f / %.1f / %.1f / %.1f µs per student", stages.encodeBatch, stages.decodeBatch, stages.plan, stages.write, stages.readBack),
            raw: "", target: "", met: nil),
         BenchSummaryRow(
            benchmark: "import", measure: "  the registry's SQL alone, same rows, its settings",
            figure: String(format: "%@ (ratio %.3f); end to end is %.2f of it", BenchSummaryRow.rate(registrySQLRowsPerSecond), registrySQLRowsPerSecond / rawSQLiteRowsPerSecond, rowsPerSecond / registrySQLRowsPerSecond),
            raw: "", target: "", met: nil)]
    }
}

extension AlertBenchResult {
    var summaryRows: [BenchSummaryRow] {
        let raw = "libzmq PUB→SUB p99 " + BenchSummaryRow.ms(rawPublishSubscribeMicroseconds.p99)
        return [
            BenchSummaryRow(
                benchmark: "alerts", measure: "\(rateRequested) changes/s (\(String(format: "%.0f", rateAchieved)) achieved): accepted → SSE client",
                figure: "p50 \(BenchSummaryRow.ms(latencyMicroseconds.p50)), p99 \(BenchSummaryRow.ms(latencyMicroseconds.p99)); \(received)/\(changes) received",
                raw: raw, target: "p99 ≤ 10 ms", met: latencyMicroseconds.p99 <= 10_000 && received == changes),
            BenchSummaryRow(benchmark: "alerts", measure: "  registry reply / monitor alert seen (p99, from sent)", figure: "\(BenchSummaryRow.ms(stagesFromSentMicroseconds.registryReply.p99)) / \(BenchSummaryRow.ms(stagesFromSentMicroseconds.monitorAlert.p99))", raw: "", target: "", met: nil),
            BenchSummaryRow(
                benchmark: "alerts", measure: "  CPU a change: registry / monitor / gateway (cores busy)",
                figure: String(format: "%.0f / %.0f / %.0f µs (%.2f)", changeCost.registry.cpuMicroseconds, changeCost.monitor.cpuMicroseconds, changeCost.gateway.cpuMicroseconds, changeCost.coresBusy),
                raw: String(format: "thread wake-up round trip %.1f µs CPU", rawThreadRoundTrip.cpuMicroseconds), target: "", met: nil),
        ]
    }
}

extension AlertBenchResult {
    /// The rows of a `--school-batch` run: how the other changes fared beside the school's file,
    /// beside the same load's changes outside it.
    var schoolBatchRows: [BenchSummaryRow] {
        guard let batch = schoolBatch else { return [] }
        return [
            BenchSummaryRow(
                benchmark: "school-batch", measure: "\(rateRequested) changes/s and a file of \(batch.rows) dropouts (\(batch.part) rows a request): the other changes meanwhile, accepted → SSE",
                figure: "p50 \(BenchSummaryRow.ms(batch.othersDuringLatencyMicroseconds.p50)), p99 \(BenchSummaryRow.ms(batch.othersDuringLatencyMicroseconds.p99)); outside it p99 \(BenchSummaryRow.ms(batch.othersOutsideLatencyMicroseconds.p99))",
                raw: "libzmq PUB→SUB p99 " + BenchSummaryRow.ms(rawPublishSubscribeMicroseconds.p99), target: "p99 ≤ 50 ms, whatever the school's size",
                met: batch.othersDuringLatencyMicroseconds.p99 <= 50_000 && batch.alertsReceived == batch.rows && received == changes),
            BenchSummaryRow(
                benchmark: "school-batch", measure: "  the file: answered / first alert / last alert (from sent)",
                figure: "\(BenchSummaryRow.ms(batch.replyMicroseconds)) / \(BenchSummaryRow.ms(batch.firstAlertMicroseconds)) / \(BenchSummaryRow.ms(batch.lastAlertMicroseconds)); \(batch.alertsReceived)/\(batch.rows) alerts", raw: "", target: "", met: nil),
        ]
    }

    var schoolImportRows: [BenchSummaryRow] {
        guard let file = schoolImport else { return [] }
        return [
            BenchSummaryRow(
                benchmark: "school-import", measure: "\(rateRequested) changes/s and a students file of \(file.rows) (a school's, paced): the other changes meanwhile, accepted → SSE",
                figure: "p50 \(BenchSummaryRow.ms(file.othersDuringLatencyMicroseconds.p50)), p99 \(BenchSummaryRow.ms(file.othersDuringLatencyMicroseconds.p99)); outside it p99 \(BenchSummaryRow.ms(file.othersOutsideLatencyMicroseconds.p99))",
                raw: "libzmq PUB→SUB p99 " + BenchSummaryRow.ms(rawPublishSubscribeMicroseconds.p99), target: "p99 ≤ 50 ms, whatever the school's size",
                met: file.othersDuringLatencyMicroseconds.p99 <= 50_000 && file.imported == file.rows && received == changes),
            BenchSummaryRow(
                benchmark: "school-import", measure: "  the file: answered / monitor applied it (from sent)",
                figure: "\(BenchSummaryRow.ms(file.replyMicroseconds)) / \(file.caughtUpMicroseconds.map(BenchSummaryRow.ms) ?? "not within 2 s"); \(file.imported)/\(file.rows) registered", raw: "", target: "", met: nil),
        ]
    }
}

extension HTTPBenchResult {
    var summaryRows: [BenchSummaryRow] {
        scenarios.enumerated().map { index, scenario in
            BenchSummaryRow(
                benchmark: "http", measure: "\(scenario.name), \(rate)/s (\(String(format: "%.0f", scenario.load.achievedPerSecond)) achieved)",
                figure: "p50 \(BenchSummaryRow.ms(scenario.load.latency.p50)), p99 \(BenchSummaryRow.ms(scenario.load.latency.p99)); \(scenario.load.ok)/\(scenario.load.sent) answered 200",
                raw: index == 0 ? "SQLite indexed look-up p99 " + BenchSummaryRow.ms(rawLookup.p99) : "",
                target: index == 0 ? "p99 ≤ 10 ms, every read audited" : "",
                met: index == 0 ? scenario.load.latency.p99 <= Self.targetMicroseconds && scenario.load.ok == scenario.load.sent && auditLines >= lookupsAnswered : nil)
        }
    }
}

extension CrosscheckBenchResult {
    var summaryRows: [BenchSummaryRow] {
        [
            BenchSummaryRow(benchmark: "crosscheck", measure: "roster of \(population) imported", figure: BenchSummaryRow.rate(rowsPerSecond), raw: "SQLite insert " + BenchSummaryRow.rate(rawSQLiteInsertRowsPerSecond), target: "≥ 50,000 rows/s", met: rowsPerSecond >= 50_000),
            BenchSummaryRow(benchmark: "crosscheck", measure: "full cross-check against \(students) students", figure: String(format: "%.2f s", crosscheckSeconds), raw: String(format: "SQLite scan + join %.2f s", rawScanJoinSeconds), target: "≤ 10 s", met: crosscheckSeconds <= 10),
        ]
    }
}

extension SubsidyBenchResult {
    var summaryRows: [BenchSummaryRow] {
        [
            BenchSummaryRow(benchmark: "subsidy", measure: "family rosters, \(listed) rows", figure: BenchSummaryRow.rate(rosterRowsPerSecond), raw: "SQLite insert " + BenchSummaryRow.rate(rawRosterInsertRowsPerSecond), target: "", met: nil),
            BenchSummaryRow(benchmark: "subsidy", measure: "payment batch, \(paid) children", figure: String(format: "%.0f payments/s (ratio %.3f)", paymentsPerSecond, paymentsPerSecond / rawPaymentInsertRowsPerSecond), raw: "SQLite insert " + BenchSummaryRow.rate(rawPaymentInsertRowsPerSecond), target: "ratio ≥ 0.3", met: paymentsPerSecond / rawPaymentInsertRowsPerSecond >= 0.3),
        ]
    }
}

extension CareBenchResult {
    var summaryRows: [BenchSummaryRow] {
        [
            BenchSummaryRow(benchmark: "care", measure: "care ledger, \(children) children", figure: BenchSummaryRow.rate(rowsPerSecond), raw: "SQLite insert " + BenchSummaryRow.rate(rawSQLiteInsertRowsPerSecond), target: "", met: nil),
            BenchSummaryRow(benchmark: "care", measure: "gap sweep, nothing new", figure: String(format: "%.2f s", sweepSeconds), raw: String(format: "SQLite gap query %.2f s", rawGapQuerySeconds), target: "< 1 s", met: sweepSeconds < 1),
        ]
    }
}

extension ReportsBenchResult {
    var summaryRows: [BenchSummaryRow] {
        let raw = "SQLite group count p99 " + BenchSummaryRow.ms(rawStatusGroups.p99)
        return [("yearly summary", summary), ("KPI sheet", kpis), ("county dashboard page", countyPage), ("township dashboard page", townshipPage)].map { name, figures in
            BenchSummaryRow(benchmark: "reports", measure: "\(name), \(students) students", figure: "p50 \(BenchSummaryRow.ms(figures.p50)), p99 \(BenchSummaryRow.ms(figures.p99))", raw: raw, target: "p99 < 200 ms", met: figures.p99 < 200_000)
        }
    }
}

extension ScaleBenchResult {
    var summaryRows: [BenchSummaryRow] {
        let name = "scale \(students)"
        let peak = max(registryPeakBytes, monitorPeakBytes)
        var rows = [
            BenchSummaryRow(benchmark: name, measure: "student import (registry answered)", figure: BenchSummaryRow.rate(importRowsPerSecond), raw: "SQLite insert " + BenchSummaryRow.rate(rawInsertRowsPerSecond), target: "", met: nil),
            BenchSummaryRow(benchmark: name, measure: "monitor caught up after the last row", figure: String(format: "%.1f s (CPU %.1f µs a student)", monitorCatchUpSeconds, monitorCPUMicrosecondsPerStudent), raw: "", target: "", met: nil),
            BenchSummaryRow(benchmark: name, measure: "look-up (registry request)", figure: "p50 \(BenchSummaryRow.ms(lookup.p50)), p99 \(BenchSummaryRow.ms(lookup.p99))", raw: "SQLite p99 " + BenchSummaryRow.ms(rawLookup.p99), target: "p99 ≤ 10 ms", met: lookup.p99 <= 10_000),
            BenchSummaryRow(benchmark: name, measure: "peak memory registry / monitor", figure: "\(Self.mebibytes(registryPeakBytes)) / \(Self.mebibytes(monitorPeakBytes))", raw: "", target: "≤ 1 GiB each", met: peak <= BenchScaleCommand.memoryTargetBytes),
            BenchSummaryRow(benchmark: name, measure: "database registry / monitor", figure: "\(Self.mebibytes(registryDatabaseBytes)) / \(Self.mebibytes(monitorDatabaseBytes))", raw: "", target: "", met: nil),
        ]
        if rosterRows > 0 {
            rows.append(BenchSummaryRow(benchmark: name, measure: "roster \(rosterRows) rows; cross-check", figure: String(format: "%.0f rows/s; %.1f s", Double(rosterRows) / rosterSeconds, crosscheckSeconds), raw: "", target: "", met: nil))
        }
        return rows
    }
}
