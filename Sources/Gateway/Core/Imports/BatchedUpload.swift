import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import BaoxueSpreadsheet
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
    /// Files the monitor should keep up with: sent in small parts, one at a time, each after the
    /// monitor has applied the one before (decisions 139 and 142). `nil`: every file at full speed.
    var paced: Pacing? = nil

    /// Which files go paced, in parts of how many rows, and who says when the monitor has caught up.
    struct Pacing {
        /// Files of at most this many rows are paced: a school's file, not a county's first load.
        var upTo: Int
        /// Rows a request in a paced file.
        var part: Int
        var follower: FollowerPacing
    }

    /// Checks `rows` (in the order they should be sent) with `checker`, sends what passes, and
    /// merges the service's reports with the file's own refusals, sorted by row.
    func run<Column>(_ rows: some RandomAccessCollection<TableRow<Column>>, checker: RowChecker<Column, Record>, progress: ImportProgress?) async throws -> ImportReport {
        var given = false
        return try await run(total: rows.count, checker: checker, progress: progress) {
            defer { given = true }
            return given ? nil : Array(rows)
        }
    }

    /// As ``run(_:checker:progress:)``, with the rows coming a part of the file at a time from
    /// `next` (nil: no more), about `total` in all: only the part being checked and the batches
    /// in flight are in memory.
    func run<Column>(total: Int, checker: RowChecker<Column, Record>, progress: ImportProgress?, next: () throws -> [TableRow<Column>]?) async throws -> ImportReport {
        var checker = checker
        var report = ImportReport()
        var part: [TableRow<Column>] = []
        var position = 0
        var done = 0
        let pacing = paced.flatMap { total <= $0.upTo ? $0 : nil }
        let batchSize = max(pacing?.part ?? self.batchSize, 1), window = pacing == nil ? window : 1
        let send: @Sendable ([NumberedRow<Record>]) async throws -> ImportReport
        if let follower = pacing?.follower {
            send = { [send = self.send] rows in
                let report = try await send(rows)
                await follower.waitForMonitor()
                return report
            }
        } else {
            send = self.send
        }
        func nextBatch() throws -> [NumberedRow<Record>]? {
            while true {
                if position == part.count {
                    guard let following = try next() else { return nil }
                    part = following
                    position = 0
                    continue
                }
                let end = min(position + batchSize, part.count)
                let slice = part[position..<end]
                position = end
                let (accepted, rejected) = checker.check(slice)
                report.rejected += rejected
                done += slice.count - accepted.count
                if !accepted.isEmpty { return accepted }
            }
        }
        // Each batch sends under its own part of the operation's request scope, numbered in file
        // order: an import done again under the same key sends each batch with its first id, so
        // the batches a timed-out run applied answer as before and are not applied twice.
        // The upload takes its own number in the scope first, so two uploads in one command (a
        // demo's rosters) never share batch ids.
        let scope = RequestScope.current.map { RequestScope(key: $0.nextID(type: "upload")) }
        var batchNumber = 0
        try await withThrowingTaskGroup(of: (Int, ImportReport).self) { group in
            func submit() throws {
                guard let batch = try nextBatch() else { return }
                batchNumber += 1
                let part = scope?.child("batch-\(batchNumber)")
                group.addTask { (batch.count, try await RequestScope.$current.withValue(part) { try await send(batch) }) }
            }
            for _ in 0..<max(window, 1) { try submit() }
            while let (count, batchReport) = try await group.next() {
                report.merge(batchReport)
                done += count
                progress?(done, max(total, done))
                try submit()
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
        // A CSV sent in file order is read a segment at a time (CSVSegments): its cells are never
        // all in memory. A workbook, or rows sent in another order, need the whole table.
        if order == nil, SpreadsheetFormat.detect(data) == .csv {
            return try await importSegments(data, encoding: encoding, allowExtraColumns: allowExtraColumns, checker: checker, progress: progress, started: started)
        }
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

    /// Rows per segment of a CSV read a part at a time: a batch of a county's file, so that the
    /// first batch leaves once the file is checked and that batch's rows are read, not a segment
    /// of four (a county's first load waited some 20 ms more for it, with the registry idle).
    static var recordsPerSegment: Int { 2_500 }

    private func importSegments<Column>(_ data: Data, encoding: TextEncoding?, allowExtraColumns: Bool, checker: RowChecker<Column, Record>, progress: ImportProgress?, started: ContinuousClock.Instant) async throws -> ImportOutcome {
        let segments: CSVSegments
        var header: Table<Column>
        do {
            // The whole file is checked here, before a row is sent.
            segments = try CSVSegments.read(data, encoding: encoding, recordsPerSegment: Self.recordsPerSegment)
            header = try Table<Column>(try segments.segment(0), encoding: segments.encoding)
            try header.refuseUnknownColumns(allowingExtra: allowExtraColumns)
        } catch {
            throw error.serviceError
        }
        var checker = checker
        checker.reserve(rows: segments.records)
        // The header keeps its columns only: each segment's rows are dropped once sent.
        var first: [TableRow<Column>]? = header.rows
        header.rows = []
        var index = 0
        var rows = 0
        let report = try await run(total: segments.records - 1, checker: checker, progress: progress) { () throws -> [TableRow<Column>]? in
            defer { index += 1 }
            guard index < segments.count else { return nil }
            let part = index == 0 ? first ?? [] : Table(try segments.segment(index), continuing: header, rowsBefore: rows).rows
            first = nil
            rows += part.count
            return part
        }
        return ImportOutcome(report, table: header, rows: rows, started: started)
    }
}
