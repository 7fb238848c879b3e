import BaoxueContracts
import GRDB

/// A year's figures for the county summary and the KPI sheet (``MonitorYearFigures``), read from
/// the dated logs the target scores and the monthly ledger report use, so the three always agree:
/// the register from `register_status`, cases from `case_move`, cohorts from `cohort_mark`, plus
/// the visit, step, suspect and teaching tables with their own dates.
struct YearFiguresReporter: Sendable {
    /// - Throws: `report.invalid` for a malformed filter or a year outside 2000–2100,
    ///   `scope.forbidden` outside the actor's scope.
    func figures(_ db: Database, _ query: YearFiguresQuery, actor: Actor, today: CivilDate) throws -> MonitorYearFigures {
        let (township, school) = try ReportFilter.narrow(actor, township: query.township, school: query.school, code: .reportInvalid)
        try ReportFilter.checkYear(query.year, code: .reportInvalid)
        let start = CivilDate(year: query.year, month: 1, day: 1)!
        let end = CivilDate(year: query.year, month: 12, day: 31)!
        let asOf = min(today, end)
        let filter = AreaFilter(township: township, school: school)

        let register = try RegisterCount.on(db, end, township: township, school: school)
        let moves = try CaseMove.moves(db, from: start, to: end, township: township, school: school)
        let open = try CaseMove.openCases(db, on: end, township: township, school: school)
        let cohorts = try CohortFigures(db, schoolYear: query.year, township: township, school: school, today: today)
        let suspectsOpen = try Self.openSuspects(db, on: asOf, filter)
        let teaching = try TeachingLog(db, from: start, to: asOf, filter)

        // The counts of each township and school, grouped once: filtering every count for every
        // line was most of a county's request (320 lines at 200,000 students).
        func line(township: String?, school: String?, name: String?, _ area: AreaCounts, _ include: (_ township: String, _ school: String) -> Bool) -> AreaFigures {
            var figures = TargetStore.figures(register: area.register, moves: area.moves, open: area.open)
            figures.consolidation = cohorts.rate(include)
            return AreaFigures(
                township: township, school: school, name: name, register: figures,
                suspectsOpen: area.suspectsOpen, teaching: teaching.figures(include))
        }
        let all = AreaCounts(register: register, moves: moves, open: open, suspects: suspectsOpen)
        let byTownship = all.grouped { township, _ in township }, bySchool = all.grouped { _, school in school }
        let schools = try filter.schools(db)
        let townships = Set(schools.map(\.township)).sorted().map { code in
            line(township: code, school: nil, name: nil, byTownship[code] ?? AreaCounts()) { township, _ in township == code }
        }
        let schoolLines = schools.map { entry in
            line(township: entry.township, school: entry.code, name: entry.name, bySchool[entry.code] ?? AreaCounts()) { _, code in code == entry.code }
        }
        let autumn = CivilDate(year: query.year, month: 9, day: 1)!
        return MonitorYearFigures(
            year: query.year, asOf: asOf, complete: today > end, township: township, school: school,
            total: line(township: township, school: school, name: nil, all) { _, _ in true },
            townships: townships, schools: schoolLines,
            casework: try Self.casework(db, from: start, to: end, moves: moves, filter),
            suspects: try Self.suspects(db, from: start, to: asOf, open: all.suspectsOpen, filter),
            teachingSinceAutumn: asOf >= autumn ? try TeachingLog(db, from: autumn, to: asOf, filter).figures { _, _ in true } : TeachingFigures(),
            months: try Self.months(db, year: query.year, asOf: asOf, filter))
    }

    /// The ledger month by month, from one pass over the case log up to `asOf`: each case's last
    /// move by a month's end says whether it was open then (placed where that move was, as
    /// ``CaseMove/openCases(_:on:township:school:)`` places it), and each move dated in a month
    /// counts where it happened (as ``CaseMove/moves(_:from:to:township:school:)``).
    static func months(_ db: Database, year: Int, asOf: CivilDate, _ filter: AreaFilter) throws -> [MonthCaseFigures] {
        guard asOf.year == year else { return [] }
        let rows = try Row.fetchAll(db, sql: "SELECT case_id, kind, date, township, school FROM case_move WHERE date <= ? ORDER BY date, id", arguments: [asOf.description])
        func inScope(_ row: Row) -> Bool {
            (filter.township == nil || filter.township == row["township"] as String) && (filter.school == nil || filter.school == row["school"] as String)
        }
        var latest: [Int64: Row] = [:]
        var index = rows.startIndex
        var figures: [MonthCaseFigures] = []
        for number in 1...asOf.month {
            let month = CivilMonth(year: year, month: number)!
            let end = min(month.last, asOf).description, first = month.first.description
            var opened = 0, returned = 0
            while index < rows.endIndex, (rows[index]["date"] as String) <= end {
                let row = rows[index]
                latest[row["case_id"]] = row
                if (row["date"] as String) >= first, inScope(row) {
                    switch row["kind"] as String {
                    case "opened", "reopened": opened += 1
                    case "returned": returned += 1
                    default: break
                    }
                }
                index += 1
            }
            let open = latest.values.filter { ["opened", "reopened"].contains($0["kind"] as String) && inScope($0) }.count
            figures.append(MonthCaseFigures(month: month, opened: opened, returned: returned, openAtEnd: open))
        }
        return figures
    }

    /// Suspects still to verify on `date`, by township and school: found by then, and neither
    /// verified nor cleared by then.
    static func openSuspects(_ db: Database, on date: CivilDate, _ filter: AreaFilter) throws -> [(township: String, school: String, count: Int)] {
        let day = date.description
        let (condition, arguments) = filter.condition(township: "township", school: "school")
        return try Row.fetchAll(db, sql: """
            SELECT township, COALESCE(school, '') AS school, COUNT(*) AS n FROM crosscheck_suspect
            WHERE first_found <= ? AND NOT COALESCE(verified_on <= ?, 0) AND NOT COALESCE(closed_on <= ?, 0) \(condition)
            GROUP BY township, COALESCE(school, '')
            """, arguments: [day, day, day] + arguments).map { (township: $0["township"], school: $0["school"], count: $0["n"]) }
    }

    static func suspects(_ db: Database, from: CivilDate, to: CivilDate, open: Int, _ filter: AreaFilter) throws -> SuspectFigures {
        let period: StatementArguments = [from.description, to.description]
        let (condition, arguments) = filter.condition(township: "township", school: "school")
        let found = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(registered_poor), 0) FROM crosscheck_suspect WHERE first_found BETWEEN ? AND ? \(condition)", arguments: period + arguments)
        let verified = try Row.fetchAll(db, sql: "SELECT category, COUNT(*) FROM crosscheck_suspect WHERE verified_on BETWEEN ? AND ? AND category IS NOT NULL \(condition) GROUP BY category", arguments: period + arguments)
        var byCategory: [SuspectCategory: Int] = [:]
        for row in verified { if let category = SuspectCategory(rawValue: row[0]) { byCategory[category] = row[1] } }
        let cleared = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM crosscheck_suspect WHERE state = 'closed' AND closed_on BETWEEN ? AND ? \(condition)", arguments: period + arguments) ?? 0
        return SuspectFigures(
            found: found?[0] ?? 0, foundRegisteredPoor: found?[1] ?? 0,
            verified: SuspectCategory.allCases.compactMap { category in byCategory[category].map { SuspectFigures.CategoryCount(category: category, count: $0) } },
            cleared: cleared, open: open)
    }

    static func casework(_ db: Database, from: CivilDate, to: CivilDate, moves: [CaseMove], _ filter: AreaFilter) throws -> CaseworkFigures {
        let period: StatementArguments = [from.description, to.description]
        let (moveCondition, moveArguments) = filter.condition(township: "township", school: "school")
        var outcomes: [CaseOutcome: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT outcome, COUNT(*) FROM case_move WHERE kind IN ('returned', 'closed') AND outcome IS NOT NULL AND date BETWEEN ? AND ? \(moveCondition) GROUP BY outcome", arguments: period + moveArguments) {
            if let outcome = CaseOutcome(rawValue: row[0]) { outcomes[outcome, default: 0] += row[1] }
        }
        var causes: [DropoutCause?: Int] = [:]
        for move in moves where move.kind.opens {
            for cause in Set(move.causes.isEmpty ? [nil] : move.causes.map { Optional($0) }) { causes[cause, default: 0] += 1 }
        }
        let (caseCondition, caseArguments) = filter.condition(township: "c.township", school: "c.school")
        let visits = try Row.fetchOne(db, sql: "SELECT COUNT(*), COUNT(DISTINCT v.case_id) FROM case_visit v JOIN dropout_case c ON c.id = v.case_id WHERE v.date BETWEEN ? AND ? \(caseCondition)", arguments: period + caseArguments)
        let campaigns = try Row.fetchAll(db, sql: "SELECT v.campaign, COUNT(*) FROM case_visit v JOIN dropout_case c ON c.id = v.case_id WHERE v.campaign IS NOT NULL AND v.campaign != '' AND v.date BETWEEN ? AND ? \(caseCondition) GROUP BY v.campaign ORDER BY COUNT(*) DESC, v.campaign", arguments: period + caseArguments)
        var steps: [LegalStep: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT s.step, COUNT(*) FROM case_step s JOIN dropout_case c ON c.id = s.case_id WHERE s.date BETWEEN ? AND ? \(caseCondition) GROUP BY s.step", arguments: period + caseArguments) {
            if let step = LegalStep(rawValue: row[0]) { steps[step] = row[1] }
        }
        let causeOrder: [DropoutCause?] = DropoutCause.allCases.map { $0 } + [nil]
        return CaseworkFigures(
            outcomes: CaseOutcome.allCases.map { CaseworkFigures.OutcomeCount(outcome: $0, count: outcomes[$0] ?? 0) },
            causes: causeOrder.compactMap { cause in causes[cause].map { CaseworkFigures.CauseCount(cause: cause, count: $0) } },
            visits: visits?[0] ?? 0, visitedCases: visits?[1] ?? 0,
            campaigns: campaigns.map { CaseworkFigures.CampaignCount(campaign: $0[0], visits: $0[1]) },
            legalSteps: LegalStep.allCases.compactMap { step in steps[step].map { CaseworkFigures.StepCount(step: step, count: $0) } })
    }
}
