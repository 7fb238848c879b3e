import Access
import BaoxueContracts
import BaoxueMessaging

/// The county's numbers: the yearly work summary (``CountySummary``) gathered from every service
/// in the reader's scope, and the operator-entered figures it needs beside them. Reading the
/// summary is not audited (it holds counts, never a child); entering a figure is.
public struct ReportOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    let registry: RegistryOperations
    let targets: TargetOperations
    let subsidy: SubsidyOperations
    let care: CareOperations

    /// The year's summary within the actor's scope, narrowed to `township` when given. The
    /// services are asked at once; each checks the scope where its data lives.
    public func summary(year: Int, township: String? = nil, actor: Actor) async throws -> CountySummary {
        let period = (from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!)
        async let changes = clients.registry.call(RegistryMessage.tallyChanges, ChangeTallyQuery(from: period.from, to: period.to, township: township), actor: actor, policy: Self.figuresPolicy)
        async let monitorFigures = clients.monitor.call(MonitorMessage.yearFigures, YearFiguresQuery(year: year, township: township), actor: actor, policy: Self.figuresPolicy)
        async let scores = targets.targetScores(TargetScoreQuery(year: year, township: township), actor: actor)
        async let aid = subsidy.totals(TotalsQuery(year: year, township: township), actor: actor)
        async let careFigures = care.figures(CareFiguresQuery(year: year, township: township), actor: actor)
        async let names = registry.townshipNames(actor: actor)
        async let inputs = auditor.store.reportInputs(year: year)
        // Both terms' coverage at once too (the slowest part, docs/performance.md); a term that
        // has not begun by the figures' day is left out below.
        async let spring = subsidy.coverage(CoverageQuery(term: Term(year: year, season: .spring), township: township, limit: 1), actor: actor)
        async let autumn = subsidy.coverage(CoverageQuery(term: Term(year: year, season: .autumn), township: township, limit: 1), actor: actor)
        var monitor = try await monitorFigures
        let townshipNames = await names
        for index in monitor.townships.indices { monitor.townships[index].name = monitor.townships[index].township.flatMap { townshipNames[$0] } }
        let coverage = try await [spring, autumn].filter { $0.term.start <= monitor.asOf }.map(CoverageSummary.init)
        return CountySummary(
            year: year, asOf: monitor.asOf, complete: monitor.complete, township: monitor.township,
            townshipName: monitor.township.flatMap { townshipNames[$0] }, school: monitor.school,
            changes: try await changes, monitor: monitor, targets: try await scores, aid: try await aid,
            coverage: coverage, care: try await careFigures, inputs: try await inputs)
    }

    /// The summary as the Markdown document (what `summary.md` serves and Word is made from).
    public func summaryMarkdown(year: Int, township: String? = nil, language: Language = .zh, actor: Actor) async throws -> String {
        SummaryDocument(summary: try await summary(year: year, township: township, actor: actor), language: language).markdown
    }

    /// The KPI sheet within the actor's scope (narrowed to `township`, or to one `school`, when
    /// given): the scope's line, each township's, each school's, every figure from the same
    /// services the summary reads, and the scope's monthly trend.
    public func kpis(year: Int, township: String? = nil, school: String? = nil, actor: Actor) async throws -> KPISheet {
        async let monitorFigures = clients.monitor.call(MonitorMessage.yearFigures, YearFiguresQuery(year: year, township: township, school: school), actor: actor, policy: Self.figuresPolicy)
        async let scores = targets.targetScores(TargetScoreQuery(year: year, township: township, school: school), actor: actor)
        async let careFigures = care.figures(CareFiguresQuery(year: year, township: township), actor: actor)
        async let names = registry.townshipNames(actor: actor)
        // The term is the figures' day's: asked at once from the gateway's own clock, and again in
        // the rare case the monitor's day falls in another term.
        let expected = Term(containing: min(Timestamp.todayInChina(), CivilDate(year: year, month: 12, day: 31)!))
        async let early = subsidy.coverage(CoverageQuery(term: expected, township: township, school: school, limit: 1), actor: actor)
        let monitor = try await monitorFigures
        let term = Term(containing: monitor.asOf)
        let coverage = term == expected ? try await early : try await subsidy.coverage(CoverageQuery(term: term, township: township, school: school, limit: 1), actor: actor)
        let care = try await careFigures
        let met = Dictionary(try await scores.scores.map { ($0.document.party, $0.met) }, uniquingKeysWith: { first, _ in first })
        let townshipNames = await names

        func line(_ level: KPILine.Level, _ area: AreaFigures, subsidy: CoverageLine?, care: CareAreaFigures?, party: String?) -> KPILine {
            let register = area.register
            let subsidyRate = subsidy.flatMap { $0.eligible > 0 ? Double($0.perMille) / 10 : nil }
            var name = area.name
            if name == nil, let code = area.township { name = townshipNames[code] }
            var targetsMet: Bool?
            if let party, let result = met[party] { targetsMet = result }
            return KPILine(
                level: level, township: area.township, school: area.school, name: name,
                consolidationRate: register.consolidation?.rate, inSchoolRate: register.enrolmentRate, shouldAttend: register.shouldAttend,
                droppedOut: register.droppedOut, casesOpened: register.casesOpened, casesReturned: register.casesReturned, openCases: register.openCases,
                suspectsOpen: area.suspectsOpen, subsidyCoverage: subsidyRate, surrogateCoverage: care?.coverage,
                teachingLessons: area.teaching.lessons, teachingQuota: area.teaching.quotaLessons, teachingRate: area.teaching.quotaRate,
                targetsMet: targetsMet)
        }
        let scopeCoverage = CoverageLine(township: township ?? "", school: nil, schoolName: nil, eligible: coverage.eligible, covered: coverage.covered, gaps: 0, stated: coverage.excluded)
        // Care is asked by township only; a school's own line is among its school lines.
        let scopeCare = school.flatMap { code in care.schoolLines.first { $0.school == code } }
            ?? CareAreaFigures(township: township ?? "", school: nil, schoolName: nil, children: care.children, withSurrogate: care.withSurrogate, hasHome: nil)
        let scopeLevel: KPILine.Level = monitor.school != nil ? .school : (monitor.township != nil ? .township : .county)
        var lines = [line(scopeLevel, monitor.total, subsidy: scopeCoverage, care: scopeCare, party: monitor.school ?? monitor.township)]
        if scopeLevel == .county {
            lines += monitor.townships.map { area in
                line(.township, area, subsidy: coverage.townships.first { $0.township == area.township && $0.school == nil },
                    care: care.townships.first { $0.township == area.township && $0.school == nil }, party: area.township)
            }
        }
        if scopeLevel != .school {
            lines += monitor.schools.map { area in
                line(.school, area, subsidy: coverage.schools.first { $0.school == area.school }, care: care.schoolLines.first { $0.school == area.school }, party: area.school)
            }
        }
        return KPISheet(year: year, asOf: monitor.asOf, complete: monitor.complete, term: term, lines: lines, trend: monitor.months)
    }

    /// The figures entered for a year (anyone may read them: they are the county's, not a
    /// child's).
    public func inputs(year: Int, actor: Actor) async throws -> [ReportInput] {
        try await auditor.store.reportInputs(year: year)
    }

    /// Enters a figure for a year (county admins and operators). Audited as `report.input` with
    /// the value it replaced.
    public func setInput(year: Int, key: ReportInputKey, value: String, note: String?, actor: Actor) async throws -> ReportInput {
        try Self.requireCountyOperator(actor)
        let input = ReportInput(year: year, key: key, value: value, note: note, enteredBy: actor.user, enteredAt: Timestamp.now())
        let earlier = try await auditor.store.setReportInput(input)
        try await auditor.record(actor, action: "report.input", detail: "\(year) \(key.rawValue): \(earlier ?? "—") → \(value)")
        return input
    }

    /// Removes a year's figure (county admins and operators); audited as `report.input`.
    /// - Throws: `report.inputNotFound` when none was entered.
    public func clearInput(year: Int, key: ReportInputKey, actor: Actor) async throws {
        try Self.requireCountyOperator(actor)
        guard let earlier = try await auditor.store.clearReportInput(year: year, key: key) else {
            throw ServiceError(.reportInputNotFound, "\(year)年未录入\(key.chinese) (no \(key.english) was entered for \(year))")
        }
        try await auditor.record(actor, action: "report.input", detail: "\(year) \(key.rawValue): \(earlier) → —")
    }

    /// County-wide figures over a large register take longer than a look-up.
    static let figuresPolicy = RequestClient.Policy(timeout: .seconds(60), attempts: 2)

    static func requireCountyOperator(_ actor: Actor) throws(ServiceError) {
        let role = AccessScope(actor).role
        guard role == .countyAdmin || role == .countyOperator || role == .system else {
            throw ServiceError(.scopeForbidden, "无权录入总结数据：需要县级管理员或操作员 (not allowed: entering summary figures needs a county admin or operator)")
        }
    }
}
