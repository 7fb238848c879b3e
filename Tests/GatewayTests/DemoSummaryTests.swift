import BaoxueContracts
import BaoxueDemo
import Foundation
import Testing

@testable import Gateway

/// The "done when" on a demo county: the yearly summary has no "XX" left, every figure in
/// it is the services' own count (asked the way each service is asked elsewhere), an operator's
/// figure is printed as entered and a missing one is said to be missing, the Word version is a
/// real document, and a township's staff get their township only.
@Suite struct DemoSummaryTests {
    @Test func theDemoCountysSummaryHoldsTheServicesOwnCounts() async throws {
        let services = try await InProcessServices()
        let operations = services.operations
        let today = Timestamp.todayInChina()
        let county = DemoCounty.generate(students: 400, seed: 3, today: today)
        _ = try await DemoLoader.load(county, into: operations)
        let actor = Actor.localOperator()
        let year = today.year
        _ = try await operations.reports.setInput(year: year, key: .newTeachers, value: "120", note: "人社局", actor: actor)

        let summary = try await operations.reports.summary(year: year, actor: actor)

        // The register's changes: the tally is the changes listed, by kind, dated in the year.
        let changes = try await operations.registry.changes(ChangeQuery(limit: 1_000), actor: actor).filter { $0.date.year == year }
        #expect(changes.count < 1_000, "the list holds every change")
        for kind in StatusChangeKind.allCases {
            #expect(summary.changes.count(kind) == changes.filter { $0.kind == kind }.count, "\(kind)")
        }
        #expect(summary.changes.count(.dropOut) > 0 && summary.changes.count(.suspend) > 0)
        #expect(summary.changes.incomplete == changes.filter { !$0.missingDocuments.isEmpty }.count)

        // The monitor: the same figures the target scores give, open cases as the case list has
        // them, suspects as the cross-check lists them, and every line adding up to the total.
        let sheet = try await operations.targets.targetScores(TargetScoreQuery(year: year), actor: actor)
        #expect(summary.monitor.total.register == sheet.total)
        let open = try await operations.monitor.cases(CaseQuery(state: .open, limit: 1_000), actor: actor)
        #expect(summary.monitor.total.register.openCases == open.count && open.count > 0)
        let suspects = try await operations.crosscheck.suspects(SuspectQuery(state: .open, limit: 1_000), actor: actor)
        #expect(summary.monitor.suspects.open == suspects.count && summary.monitor.total.suspectsOpen == suspects.count)
        #expect(summary.monitor.townships.reduce(0) { $0 + $1.register.shouldAttend } == summary.monitor.total.register.shouldAttend)
        #expect(summary.monitor.schools.reduce(0) { $0 + $1.register.openCases } == summary.monitor.total.register.openCases)
        #expect(summary.monitor.townships.allSatisfy { $0.name != nil }, "townships are named")
        // The trend holds each month's ledger report, January to today.
        #expect(summary.monitor.months.count == today.month)
        for month in summary.monitor.months {
            let report = try await operations.targets.ledgerReport(LedgerReportQuery(month: month.month), actor: actor)
            #expect(month.opened == report.total.opened && month.returned == report.total.returned && month.openAtEnd == report.total.openAtEnd, "\(month.month)")
        }

        // Aid and care: exactly what the services answer.
        #expect(summary.aid == (try await operations.subsidy.totals(TotalsQuery(year: year), actor: actor)))
        #expect(summary.aid.personTimes > 0)
        #expect(summary.care == (try await operations.care.figures(CareFiguresQuery(year: year), actor: actor)))
        let term = Term(containing: summary.asOf)
        let coverage = try await operations.subsidy.coverage(CoverageQuery(term: term, limit: 1), actor: actor)
        #expect(summary.coverage.last == CoverageSummary(coverage))

        // The document: no "XX", the figures as counted, the entered one marked, the missing ones said.
        let markdown = SummaryDocument(summary: summary, language: .zh).markdown
        #expect(!markdown.contains("XX"))
        #expect(markdown.contains("# \(county.countyName)\(year)年控辍保学工作总结"), "the demo enters its county's name")
        #expect(markdown.contains("共发放各类贫困学生资助金\(summary.aid.personTimes)人次，\(Fen.wanYuan(summary.aid.amountFen))万元，其中县财政投入\(Fen.wanYuan(summary.aid.split.county))万元"))
        #expect(markdown.contains("全年办理学籍变动\(summary.changes.total)人次"))
        #expect(markdown.contains("辍学\(summary.changes.count(.dropOut))人"))
        #expect(markdown.contains("年末在办\(summary.monitor.total.register.openCases)件"))
        #expect(markdown.contains("在册留守儿童\(summary.care.children)人"))
        #expect(markdown.contains("新补充教师120人（录入）"))
        #expect(markdown.contains("以下数字尚未录入") && markdown.contains("县财政教师培训经费"))
        let english = SummaryDocument(summary: summary, language: .en).markdown
        #expect(english.contains("\(summary.aid.personTimes) aid payments") && !english.contains("XX"))

        // Word, by the real converter.
        let word = try await WordConverter.docx(markdown: markdown)
        #expect(word.starts(with: [0x50, 0x4B, 0x03, 0x04]) && word.count > 5_000, "a zip (docx) of \(word.count) bytes")

        // KPIs: the county's line is the summary's total; a line per township and school.
        let kpis = try await operations.reports.kpis(year: year, actor: actor)
        #expect(kpis.lines.first?.level == .county && kpis.lines.first?.openCases == summary.monitor.total.register.openCases)
        #expect(kpis.lines.filter { $0.level == .township }.count == summary.monitor.townships.count)
        #expect(kpis.lines.filter { $0.level == .school }.count == summary.monitor.schools.count)
        #expect(kpis.lines.first?.surrogateCoverage == summary.care.coverage)
        // One school's sheet: its own line, the same as on the county's sheet.
        let schoolLine = try #require(kpis.lines.first { $0.level == .school && $0.openCases > 0 })
        let schoolSheet = try await operations.reports.kpis(year: year, township: schoolLine.township, school: schoolLine.school, actor: actor)
        #expect(schoolSheet.lines.count == 1 && schoolSheet.lines[0].level == .school)
        #expect(schoolSheet.lines[0].openCases == schoolLine.openCases && schoolSheet.lines[0].surrogateCoverage == schoolLine.surrogateCoverage && schoolSheet.lines[0].subsidyCoverage == schoolLine.subsidyCoverage)
        let csv = String(decoding: KPICSV.data(kpis), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}年度,统计截至") && csv.components(separatedBy: "\r\n").count == kpis.lines.count + 2)

        // A township's staff: their township only, and no figure entering.
        let township = county.townships[0].code
        let staff = Actor(user: "zhen", role: Role.townshipStaff.rawValue, township: township, via: "test")
        let scoped = try await operations.reports.summary(year: year, actor: staff)
        #expect(scoped.township == township && scoped.townshipName == county.townships[0].name)
        #expect(scoped.monitor.townships.map(\.township) == [township])
        #expect(scoped.monitor.schools.allSatisfy { $0.township == township })
        #expect(scoped.aid.byTownship.allSatisfy { $0.key == township })
        #expect(scoped.changes.total <= summary.changes.total)
        await #expect(throws: ServiceError.self) {
            _ = try await operations.reports.setInput(year: year, key: .newTeachers, value: "1", note: nil, actor: staff)
        }
        #expect(try await operations.reports.inputs(year: year, actor: staff).first { $0.key == .newTeachers }?.value == "120")
        await services.stop()
    }
}
