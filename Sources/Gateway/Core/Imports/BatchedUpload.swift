import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// Sends the checked rows of one file to a service in batches, several in flight: the next batch
/// is checked here while earlier ones are on the wire and in the service's write transaction, so
/// parsing overlaps the writes instead of preceding them (docs/performance.md). Each batch is one
/// journaled request, so a retried batch is applied once.
struct BatchedUpload<Record: Codable & Sendable> {
    /// Rows per request: each is one transaction in the service.
    var batchSize: Int
    /// Requests in flight at once.
    var window: Int
    /// Sends one batch and answers the service's report on it.
    var send: @Sendable ([NumberedRow<Record>]) async throws -> ImportReport

    /// Checks `rows` (in the order they should be sent) with `checker`, sends what passes, and
    /// merges the service's reports with the file's own refusals, sorted by row.
    func run<Column>(_ rows: some RandomAccessCollection<TableRow<Column>>, checker: RowChecker<Column, Record>, progress: ImportProgress?) async throws -> ImportReport {
        var checker = checker
        var report = ImportReport()
        var position = rows.startIndex
        var done = 0
        let total = rows.count
        let batchSize = max(self.batchSize, 1), send = self.send
        func nextBatch() -> [NumberedRow<Record>]? {
            while position < rows.endIndex {
                let end = rows.index(position, offsetBy: batchSize, limitedBy: rows.endIndex) ?? rows.endIndex
                let slice = rows[position..<end]
                position = end
                let (accepted, rejected) = checker.check(slice)
                report.rejected += rejected
                done += slice.count - accepted.count
                if !accepted.isEmpty { return accepted }
            }
            return nil
        }
        // Each batch sends under its own part of the operation's request scope, numbered in file
        // order: an import done again under the same key sends each batch with its first id, so
        // the batches a timed-out run applied answer as before and are not applied twice.
        // The upload takes its own number in the scope first, so two uploads in one command (a
        // demo's rosters) never share batch ids.
        let scope = RequestScope.current.map { RequestScope(key: $0.nextID(type: "upload")) }
        var batchNumber = 0
        try await withThrowingTaskGroup(of: (Int, ImportReport).self) { group in
            func submit() {
                guard let batch = nextBatch() else { return }
                batchNumber += 1
                let part = scope?.child("batch-\(batchNumber)")
                group.addTask { (batch.count, try await RequestScope.$current.withValue(part) { try await send(batch) }) }
            }
            for _ in 0..<max(window, 1) { submit() }
            while let (count, batchReport) = try await group.next() {
                report.merge(batchReport)
                done += count
                progress?(done, total)
                submit()
            }
        }
        if done < total { progress?(total, total) }
        report.rejected.sort { $0.row < $1.row }
        return report
    }

    /// The whole import of one uploaded file: read as a table of `Column`s (refused with its
    /// `csv.*` code when it cannot be), rows checked and sent (in `order`, when the service
    /// writes faster in another order than the file's), and the outcome with what the file said.
    func importFile<Column>(_ data: Data, encoding: TextEncoding?, sheet: String? = nil, allowExtraColumns: Bool = false, checker: RowChecker<Column, Record>, order: ((Table<Column>) -> [Int])? = nil, progress: ImportProgress?) async throws -> ImportOutcome {
        let started = ContinuousClock.now
        let table = try Table<Column>.upload(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns)
        var checker = checker
        checker.reserve(rows: table.rows.count)
        let report: ImportReport
        if let order {
            report = try await run(order(table).lazy.map { table.rows[$0] }, checker: checker, progress: progress)
        } else {
            report = try await run(table.rows, checker: checker, progress: progress)
        }
        return ImportOutcome(report, table: table, started: started)
    }
}
