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
        func lines(_ key: String) throws -> [(key: String, count: Int, split: FundingSplit)] {
            try Row.fetchAll(db, sql: """
                SELECT \(key) AS key, COUNT(*) AS n, SUM(p.central) AS central, SUM(p.provincial) AS provincial, SUM(p.county) AS county
                FROM payment p WHERE \(scope) AND p.state = 'paid' GROUP BY \(key) ORDER BY \(key)
                """, arguments: arguments).map { row in
                (row["key"], row["n"], FundingSplit(central: row["central"], provincial: row["provincial"], county: row["county"]))
            }
        }
        let all = try lines("'all'").first
        let pending = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(p.amount), 0) AS amount FROM payment p WHERE \(scope) AND p.state = 'pending'", arguments: arguments)!
        let programs = Dictionary(uniqueKeysWithValues: settings.programs.map { ($0.id, $0) })
        func line(_ entry: (key: String, count: Int, split: FundingSplit), _ label: String, _ english: String) -> TotalsLine {
            TotalsLine(key: entry.key, label: label, labelEnglish: english, personTimes: entry.count, amountFen: entry.split.total, split: entry.split)
        }
        let byProgram = try lines("p.program").map { line($0, programs[$0.key]?.name ?? $0.key, programs[$0.key]?.nameEnglish ?? $0.key) }
        let byStage = try lines("p.stage").map { entry in
            let stage = EducationStage(rawValue: entry.key)
            return line(entry, stage?.chinese ?? entry.key, stage?.english ?? entry.key)
        }
        // Townships by code: the replica holds schools, not the townships' names.
        let byTownship = try lines("p.township").map { line($0, $0.key, $0.key) }
        return SubsidyTotals(
            year: query.year, personTimes: all?.count ?? 0, amountFen: all?.split.total ?? 0, split: all?.split ?? FundingSplit(),
            pendingPersonTimes: pending["n"], pendingFen: pending["amount"], byProgram: byProgram, byStage: byStage, byTownship: byTownship)
    }
}
