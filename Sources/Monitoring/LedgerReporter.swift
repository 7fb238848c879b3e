import BaoxueContracts
import Foundation
import GRDB

/// The monthly ledger report (台账月报, ``LedgerReport``): the dropout ledger's cases opened,
/// returned, closed and open in a month, which provinces send up by the 15th. Read from the dated
/// logs of migration "v3-targets" (``CaseMove``, ``RegisterCount``), so a report for a past month
/// says how things stood at that month's end even after children have since returned.
struct LedgerReporter: Sendable {
    /// The month's report within the actor's scope.
    /// - Throws: `report.invalid` for a malformed filter, `report.futureMonth` for a month that
    ///   has not begun, `scope.forbidden` outside the actor's scope.
    func report(_ db: Database, _ query: LedgerReportQuery, actor: Actor, today: CivilDate) throws -> LedgerReport {
        let (township, school) = try ReportFilter.narrow(actor, township: query.township, school: query.school, code: .reportInvalid)
        let month = query.month
        guard month <= CivilMonth(today) else {
            throw ServiceError(
                .reportFutureMonth,
                "\(month)尚未开始，月报最晚可查本月（\(CivilMonth(today))）(\(month) has not begun; the latest report is this month's, \(CivilMonth(today)))",
                problems: [FieldProblem(field: "month", reason: "不晚于\(CivilMonth(today)) (not after \(CivilMonth(today)))")])
        }
        let opening = try CaseMove.openCases(db, on: month.first.adding(days: -1), township: township, school: school)
        let moves = try CaseMove.moves(db, from: month.first, to: month.last, township: township, school: school)
        let closing = try CaseMove.openCases(db, on: month.last, township: township, school: school)

        var total = LedgerCounts()
        var byTownship: [String: LedgerCounts] = [:]
        var byCause: [DropoutCause?: LedgerCounts] = [:]
        func tally(_ logged: [CaseMove], _ count: (inout LedgerCounts, CaseMove) -> Void) {
            for move in logged {
                count(&total, move)
                count(&byTownship[move.township, default: LedgerCounts()], move)
                let causes: [DropoutCause?] = move.causes.isEmpty ? [nil] : move.causes
                for cause in Set(causes) { count(&byCause[cause, default: LedgerCounts()], move) }
            }
        }
        tally(opening) { counts, _ in counts.openAtStart += 1 }
        tally(moves) { counts, move in
            switch move.kind {
            case .opened, .reopened: counts.opened += 1
            case .returned: counts.returned += 1
            case .closed: counts.closed += 1
            case .settled: break
            }
        }
        tally(closing) { counts, _ in counts.openAtEnd += 1 }

        var dropouts: [String: Int] = [:]
        for count in try RegisterCount.on(db, month.last, township: township, school: school) where count.status == .droppedOut {
            dropouts[count.township, default: 0] += count.count
        }
        let townships = Set(byTownship.keys).union(dropouts.keys).sorted()
        let causeOrder: [DropoutCause?] = DropoutCause.allCases.map { $0 } + [nil]
        return LedgerReport(
            month: month, from: month.first, to: month.last, asOf: min(today, month.last), complete: today > month.last,
            township: township, school: school, total: total, dropoutsOnRegister: dropouts.values.reduce(0, +),
            byTownship: townships.map { LedgerTownshipLine(township: $0, counts: byTownship[$0] ?? LedgerCounts(), dropoutsOnRegister: dropouts[$0] ?? 0) },
            byCause: causeOrder.compactMap { cause in byCause[cause].map { LedgerCauseLine(cause: cause, counts: $0) } })
    }
}
