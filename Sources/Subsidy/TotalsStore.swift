import BaoxueContracts
import GRDB

/// The year's aid as the county reports it: person-times (人次), the amount and the county
/// finance's share, by program, stage and township. Summed in fen from the payments the bank
/// credited in the year's two terms (spring and autumn of the calendar year), so every figure
/// equals the sum of those payments to the fen.
struct TotalsStore: Sendable {
    let settings: SubsidySettings

    func totals(_ db: Database, _ query: TotalsQuery) throws -> SubsidyTotals {
        var conditions = ["p.term IN (?, ?)"]
        var arguments: StatementArguments = [Term(year: query.year, season: .spring).code, Term(year: query.year, season: .autumn).code]
        if let township = query.township { conditions.append("p.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("p.school = ?"); arguments += [school] }
        let scope = conditions.joined(separator: " AND ")
        // One pass over the year's payments, grouped by everything the totals break down by;
        // the breakdowns are summed from its few hundred groups. Five grouped scans (the year,
        // the pending, by program, by stage, by township) were a fifth of a county page's time.
        var pending = (count: 0, amount: Int64(0))
        var byKey: [[String: (count: Int, split: FundingSplit)]] = [[:], [:], [:]]
        let groups = try Row.fetchCursor(db, sql: """
            SELECT p.program, p.stage, p.township, p.state, COUNT(*), SUM(p.central), SUM(p.provincial), SUM(p.county), SUM(p.amount)
            FROM payment p WHERE \(scope) AND p.state IN ('paid', 'pending') GROUP BY p.program, p.stage, p.township, p.state
            """, arguments: arguments)
        while let row = try groups.next() {
            let count: Int = row[4]
            guard (row[3] as String) == PaymentState.paid.rawValue else {
                pending.count += count
                pending.amount += row[8] as Int64
                continue
            }
            let split = FundingSplit(central: row[5], provincial: row[6], county: row[7])
            for (breakdown, key) in [row[0] as String, row[1], row[2]].enumerated() {
                byKey[breakdown][key, default: (0, FundingSplit())].count += count
                byKey[breakdown][key, default: (0, FundingSplit())].split += split
            }
        }
        func lines(_ breakdown: Int, _ labels: (String) -> (String, String)) -> [TotalsLine] {
            byKey[breakdown].sorted { $0.key < $1.key }.map { key, entry in
                let (label, english) = labels(key)
                return TotalsLine(key: key, label: label, labelEnglish: english, personTimes: entry.count, amountFen: entry.split.total, split: entry.split)
            }
        }
        // The year's total is the sum of its programs.
        let all = byKey[0].values.reduce((count: 0, split: FundingSplit())) { ($0.count + $1.count, $0.split + $1.split) }
        let programs = Dictionary(uniqueKeysWithValues: settings.programs.map { ($0.id, $0) })
        let byProgram = lines(0) { (programs[$0]?.name ?? $0, programs[$0]?.nameEnglish ?? $0) }
        let byStage = lines(1) { key in
            let stage = EducationStage(rawValue: key)
            return (stage?.chinese ?? key, stage?.english ?? key)
        }
        // Townships by code: the replica holds schools, not the townships' names.
        let byTownship = lines(2) { ($0, $0) }
        return SubsidyTotals(
            year: query.year, personTimes: all.count, amountFen: all.split.total, split: all.split,
            pendingPersonTimes: pending.count, pendingFen: pending.amount, byProgram: byProgram, byStage: byStage, byTownship: byTownship)
    }
}
