import BaoxueContracts
import Foundation
import GRDB

/// The monthly dropout ledger report (台账月报): read from the dated logs of migration
/// "v3-targets", so a report for a past month says how things stood at that month's end even
/// after children have since returned.
extension MonitorStore {
    func ledgerReport(_ db: Database, _ query: LedgerReportQuery, actor: Actor, today: CivilDate) throws -> LedgerReport {
        let (township, school) = try Self.reportFilters(actor, township: query.township, school: query.school, code: .reportInvalid)
        let month = query.month
        guard month <= CivilMonth(today) else {
            throw ServiceError(
                .reportFutureMonth,
                "\(month)尚未开始，月报最晚可查本月（\(CivilMonth(today))）(\(month) has not begun; the latest report is this month's, \(CivilMonth(today)))",
                problems: [FieldProblem(field: "month", reason: "不晚于\(CivilMonth(today)) (not after \(CivilMonth(today)))")])
        }
        let opening = try LedgerEntry.open(db, on: month.first.adding(days: -1), township: township, school: school)
        let moves = try LedgerEntry.moves(db, from: month.first, to: month.last, township: township, school: school)
        let closing = try LedgerEntry.open(db, on: month.last, township: township, school: school)

        var total = LedgerCounts()
        var byTownship: [String: LedgerCounts] = [:]
        var byCause: [DropoutCause?: LedgerCounts] = [:]
        func tally(_ entries: [LedgerEntry], _ count: (inout LedgerCounts, LedgerEntry) -> Void) {
            for entry in entries {
                count(&total, entry)
                count(&byTownship[entry.township, default: LedgerCounts()], entry)
                let causes: [DropoutCause?] = entry.causes.isEmpty ? [nil] : entry.causes
                for cause in Set(causes) { count(&byCause[cause, default: LedgerCounts()], entry) }
            }
        }
        tally(opening) { counts, _ in counts.openAtStart += 1 }
        tally(moves) { counts, entry in
            switch entry.move {
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

    /// A report's township and school filters: checked for form (a malformed code is refused,
    /// never matched against nothing), then narrowed to the actor's scope.
    static func reportFilters(_ actor: Actor, township: String?, school: String?, code: ErrorCode) throws -> (township: String?, school: String?) {
        var problems: [FieldProblem] = []
        if let township, !isCode(township, digits: 9) {
            problems.append(FieldProblem(field: "township", reason: "乡镇代码应为9位数字 (a township code is 9 digits)"))
        }
        if let school, !isCode(school, digits: 10) {
            problems.append(FieldProblem(field: "school", reason: "学校标识码应为10位数字 (a school code is 10 digits)"))
        }
        if !problems.isEmpty {
            throw ServiceError(code, "筛选条件有误：\(problems.map { Self.chinese($0.reason) }.joined(separator: "；")) (invalid filter: \(problems.map { Self.english($0.reason) }.joined(separator: "; ")))", problems: problems)
        }
        return try AccessScope(actor).narrow(township: township, school: school)
    }

    /// Exactly `digits` ASCII digits, as the registry stores codes.
    static func isCode(_ text: String, digits: Int) -> Bool {
        text.utf8.count == digits && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The Chinese part of a `中文 (English)` text.
    static func chinese(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return text }
        return String(text[..<open.lowerBound])
    }

    /// The English part of a `中文 (English)` text.
    static func english(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return text }
        return String(text[open.upperBound...].dropLast())
    }
}
