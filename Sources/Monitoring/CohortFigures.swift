import BaoxueContracts
import GRDB

/// The marks a year's consolidation rates are made of (decision 100), read once per score sheet
/// and summed for each party, the scope's total and each township's and school's line.
///
/// The sheet's year `Y` names the school year that ends in it (Y−1–Y, graduating in the summer
/// of Y): its completers are the grade-9 graduations dated from 1 September Y−1 to 31 August Y,
/// its entrants the children who entered grade 1 from 1 September Y−9 to 31 August Y−8. The
/// entrants are counted only when the history began on or before that 1 September.
struct CohortFigures {
    let schoolYear: Int
    let township: String?
    let school: String?
    let historyBegins: CivilDate?
    let complete: Bool
    let entrants: [CohortCount]?
    let completers: [CohortCount]

    init(_ db: Database, schoolYear: Int, township: String?, school: String?, today: CivilDate) throws {
        self.schoolYear = schoolYear
        self.township = township
        self.school = school
        let completionStart = CivilDate(year: schoolYear - 1, month: 9, day: 1)!
        let completionEnd = CivilDate(year: schoolYear, month: 8, day: 31)!
        let entryStart = CivilDate(year: schoolYear - 9, month: 9, day: 1)!
        let entryEnd = CivilDate(year: schoolYear - 8, month: 8, day: 31)!
        historyBegins = try CohortMark.historyBegins(db)
        complete = today > completionEnd
        completers = try CohortMark.counts(db, .completed, from: completionStart, to: completionEnd, township: township, school: school)
        if let historyBegins, historyBegins <= entryStart {
            entrants = try CohortMark.counts(db, .entered, from: entryStart, to: entryEnd, township: township, school: school)
        } else {
            entrants = nil
        }
    }

    /// The rate over the schools `include` takes.
    func rate(_ include: (_ township: String, _ school: String) -> Bool) -> ConsolidationRate {
        ConsolidationRate(
            schoolYear: schoolYear, completers: completers.filter { include($0.township, $0.school) }.reduce(0) { $0 + $1.count },
            entrants: entrants.map { $0.filter { include($0.township, $0.school) }.reduce(0) { $0 + $1.count } },
            complete: complete, historyBegins: historyBegins)
    }

    /// A line per township in scope (every township the replica has a school in), then a line per
    /// school in scope that had an entrant or a completer to count.
    func lines(_ db: Database) throws -> [ConsolidationLine] {
        var sql = "SELECT code, name, township FROM school WHERE 1 = 1"
        var arguments: StatementArguments = []
        if let township { sql += " AND township = ?"; arguments += [township] }
        if let school { sql += " AND code = ?"; arguments += [school] }
        let schools = try Row.fetchAll(db, sql: sql + " ORDER BY township, code", arguments: arguments).map { (code: $0["code"] as String, name: $0["name"] as String, township: $0["township"] as String) }
        var lines = Set(schools.map(\.township)).sorted().map { code in
            ConsolidationLine(township: code, consolidation: rate { township, _ in township == code })
        }
        let counted = Set(completers.map(\.school)).union((entrants ?? []).map(\.school))
        for school in schools where counted.contains(school.code) {
            lines.append(ConsolidationLine(township: school.township, school: school.code, schoolName: school.name, consolidation: rate { _, code in code == school.code }))
        }
        return lines
    }
}
