import BaoxueContracts
import GRDB

/// Scoring a year's documents: each party's figures at the year's end (the register's statuses
/// from `register_status`, the cases' moves from `case_move`, the cohorts from `cohort_mark`)
/// against the targets it signed.
extension TargetStore {
    /// Each current document of the year within scope, against its party's figures at the year's
    /// end (today's, while the year runs), and the scope's own figures.
    func score(_ db: Database, _ query: TargetScoreQuery, actor: Actor, today: CivilDate) throws -> TargetScoreSheet {
        let (township, school) = try ReportFilter.narrow(actor, township: query.township, school: query.school, code: .targetInvalid)
        try ReportFilter.checkYear(query.year, code: .targetInvalid)
        let start = CivilDate(year: query.year, month: 1, day: 1)!
        let end = CivilDate(year: query.year, month: 12, day: 31)!
        let register = try RegisterCount.on(db, end, township: township, school: school)
        let moves = try CaseMove.moves(db, from: start, to: end, township: township, school: school)
        let open = try CaseMove.openCases(db, on: end, township: township, school: school)
        let cohorts = try CohortFigures(db, schoolYear: query.year, township: township, school: school, today: today)
        // Each party's counts grouped once (``AreaCounts``, as the year's figures do), not every
        // count filtered for every document.
        let all = AreaCounts(register: register, moves: moves, open: open)
        let byTownship = all.grouped { township, _ in township }, bySchool = all.grouped { _, school in school }
        func figures(_ area: AreaCounts, _ include: (_ township: String, _ school: String) -> Bool) -> TargetFigures {
            var figures = Self.figures(register: area.register, moves: area.moves, open: area.open)
            figures.consolidation = cohorts.rate(include)
            return figures
        }
        let scores = try documents(db, year: query.year, township: township, school: school).map { document in
            let party = document.party
            let figures = document.partyKind == .township
                ? figures(byTownship[party] ?? AreaCounts()) { township, _ in township == party }
                : figures(bySchool[party] ?? AreaCounts()) { _, school in school == party }
            let results = Self.results(document, figures)
            let met: Bool? = results.contains { $0.met == false } ? false : (!results.isEmpty && results.allSatisfy { $0.met == true } ? true : nil)
            return TargetScore(document: document, figures: figures, results: results, met: met)
        }
        return TargetScoreSheet(
            year: query.year, asOf: min(today, end), complete: today > end, township: township, school: school,
            scores: scores, total: figures(all) { _, _ in true }, consolidation: try cohorts.lines(db))
    }

    static func figures(register: [RegisterCount], moves: [CaseMove], open: [CaseMove]) -> TargetFigures {
        var figures = TargetFigures()
        for count in register {
            switch count.status {
            case .enrolled: figures.enrolled += count.count
            case .suspended: figures.suspended += count.count
            case .transferredOut: figures.transferredOut += count.count
            case .droppedOut: figures.droppedOut += count.count
            case .graduated, .leftCounty, .deceased: break
            }
            if RegisterCount.shouldAttend.contains(count.status) { figures.shouldAttend += count.count }
        }
        if figures.shouldAttend > 0 {
            figures.enrolmentRate = Double(figures.inSchool * 10_000 / figures.shouldAttend) / 100
        }
        for move in moves {
            switch move.kind {
            case .opened, .reopened: figures.casesOpened += 1
            case .returned: figures.casesReturned += 1
            case .closed: figures.casesClosed += 1
            case .settled: break
            }
        }
        figures.openCases = open.count
        return figures
    }

    /// Each target against its figure. A rate is compared exactly (in-school × 100 against
    /// target × children), not through the rounded rate shown.
    static func results(_ document: TargetDocument, _ figures: TargetFigures) -> [TargetResult] {
        document.targets.map { kind, target in
            switch kind {
            case .maxDropouts:
                return TargetResult(kind: kind, target: target, actual: Double(figures.droppedOut), met: Double(figures.droppedOut) <= target)
            case .maxOpenCases:
                return TargetResult(kind: kind, target: target, actual: Double(figures.openCases), met: Double(figures.openCases) <= target)
            case .minEnrolmentRate:
                guard figures.shouldAttend > 0 else { return TargetResult(kind: kind, target: target, actual: nil, met: nil) }
                return TargetResult(kind: kind, target: target, actual: figures.enrolmentRate, met: Double(figures.inSchool) * 100 >= target * Double(figures.shouldAttend))
            }
        }
    }
}
