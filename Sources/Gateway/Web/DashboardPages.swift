import BaoxueContracts
import Foundation

/// What each dashboard page shows, gathered through the same ``Operations`` the JSON API uses, so
/// a page can never show more than its user may read: the services narrow every figure to the
/// user's township or school, and lists arrive masked. The pages themselves add one rule of
/// their own: no full ID number is ever printed on a page (full records stay behind the audited
/// single-record read of the CLI and the API, decision 129).
public struct DashboardPages: Sendable {
    let operations: Operations
    let today: @Sendable () -> CivilDate

    public init(operations: Operations, today: @escaping @Sendable () -> CivilDate = Timestamp.todayInChina) {
        self.operations = operations
        self.today = today
    }

    /// The user's home page as HTML, as `GET /` serves it (for the benchmarks).
    public func homeHTML(actor: Actor, language: Language = .zh) async throws -> String {
        var page = await frame(actor: actor, csrf: "", language: language, path: "/")
        page.merge(try await area(Self.home(of: actor), actor: actor, language: language)) { _, new in new }
        return try DashboardRenderer.shipped.get().render("home", page)
    }

    /// Where a page looks: the whole county, a township, or a school.
    enum Scope: Equatable {
        case county
        case township(String)
        case school(String)
    }

    /// The scope a user lands on: their own.
    static func home(of actor: Actor) -> Scope {
        let scope = AccessScope(actor)
        if let school = scope.school { return .school(school) }
        if let township = scope.township { return .township(township) }
        return .county
    }

    /// The page's header: who is signed in, in which language, with the CSRF token for writes.
    func frame(actor: Actor, csrf: String, language: Language, path: String) async -> [String: Any] {
        let scope = AccessScope(actor)
        let names = await operations.registry.townshipNames(actor: actor)
        let role = Role(rawValue: actor.role)
        let roleLabel: String = switch role {
        case .countyAdmin: language.pick("县级管理员", "county admin")
        case .countyOperator: language.pick("县级操作员", "county operator")
        case .townshipStaff: language.pick("乡镇工作人员", "township staff")
        case .schoolStaff: language.pick("学校工作人员", "school staff")
        case .viewer: language.pick("只读查看", "viewer")
        default: actor.role
        }
        let other: Language = language == .zh ? .en : .zh
        let place: String? = scope.school ?? scope.township.map { names[$0] ?? $0 }
        var frame: [String: Any] = [
            "lang": language == .zh ? "zh-CN" : "en", "langCode": language.rawValue, "t": DashboardText.labels(language), "csrf": csrf,
            "user": actor.user, "role": roleLabel,
            "masked": RegistryOperations.seesMasked(actor),
            "otherLanguage": other == .zh ? "zh-CN" : "en", "otherLanguageLabel": other == .zh ? "中文" : "English",
            "otherLanguageURL": "\(path)?lang=\(other.rawValue)",
        ]
        frame["scope"] = place
        return frame
    }

    /// The county's, a township's or a school's page.
    func area(_ scope: Scope, actor: Actor, language: Language) async throws -> [String: Any] {
        let year = today().year
        let township: String?, school: String?
        var schoolRecord: School?
        switch scope {
        case .county: (township, school) = (nil, nil)
        case .township(let code): (township, school) = (code, nil)
        case .school(let code):
            guard let found = try await operations.registry.schools(actor: actor).first(where: { $0.code == code }) else {
                throw ServiceError(.scopeForbidden, "无权查看该学校或学校不存在 (no such school in your scope)")
            }
            schoolRecord = found
            (township, school) = (found.township, code)
        }
        let sheet = try await operations.reports.kpis(year: year, township: township, school: school, actor: actor)
        let names = await operations.registry.townshipNames(actor: actor)
        let line: KPILine? = switch scope {
        case .county: sheet.lines.first
        case .township(let code): sheet.lines.first { $0.level == .township && $0.township == code } ?? sheet.lines.first
        case .school(let code): sheet.lines.first { $0.school == code }
        }
        guard let line else { throw ServiceError(.scopeForbidden, "无权查看该范围 (not in your scope)") }
        let say = language.pick
        let countyLabel = say("全县", "County")
        let townshipName = township.map { names[$0] ?? $0 }
        var crumbs: [[String: Any]] = []
        if case .county = Self.home(of: actor) { crumbs.append(["label": countyLabel, "url": scope == .county ? "" : "/"]) }
        if let township, scope != .county {
            let townshipHome = Self.home(of: actor) != .county && Self.home(of: actor) != .township(township)
            crumbs.append(["label": townshipName ?? township, "url": scope == .township(township) || townshipHome ? "" : "/townships/\(township)"])
        }
        if let schoolRecord { crumbs.append(["label": schoolRecord.name, "url": ""]) }
        for index in crumbs.indices where (crumbs[index]["url"] as? String)?.isEmpty == true { crumbs[index]["url"] = nil }
        let heading = schoolRecord?.name ?? townshipName ?? countyLabel

        var page: [String: Any] = [
            "title": heading, "heading": heading, "crumbs": crumbs,
            "asOfText": say("\(year)年，数据截至\(sheet.asOf)\(sheet.complete ? "" : "（年度进行中）")；资助覆盖为\(sheet.term.label(.zh))学期。",
                            "\(year), figures as of \(sheet.asOf)\(sheet.complete ? "" : " (year still running)"); aid coverage for \(sheet.term.label(.en))."),
            "tiles": tiles(line, language),
            "streamURL": "/api/v1/alerts/stream" + (township.map { "?township=\($0)" } ?? ""),
            "downloads": downloads(year: year, township: township, language: language),
        ]
        // Lines below this scope: townships of the county, schools of a township.
        let below: [KPILine] = switch scope {
        case .county: sheet.lines.filter { $0.level == .township }
        case .township(let code): sheet.lines.filter { $0.level == .school && $0.township == code }
        case .school: []
        }
        if !below.isEmpty {
            page["areasHeading"] = scope == .county ? say("各乡镇", "Townships") : say("各学校", "Schools")
            page["areas"] = below.map { area(row: $0, language: language) }
            page["hasAreas"] = true
            page["areaChart"] = SVGChart.bars(
                below.map { SVGChart.Bar(label: $0.name ?? $0.school ?? $0.township ?? "", value: $0.openCases, link: link(for: $0)) },
                title: say("在办案件排名", "Open cases, ranked"), description: say("各单位年末在办劝返案件数，从多到少", "open persuasion-return cases of each, most first"), id: "areas")
        }
        page["trendChart"] = trend(sheet.trend, year: year, language: language)
        let alerts = try await operations.alerts.everyService(AlertQuery(township: township, school: school, state: .open, limit: 30), actor: actor)
            .sorted { $0.createdAt > $1.createdAt }.prefix(30)
        page["alerts"] = alerts.map { alert -> [String: Any] in
            ["id": alert.id, "service": alert.service.rawValue, "severity": alert.severity.rawValue, "text": language.pick(alert.text, alert.textEnglish),
             "studentName": alert.studentName, "student": alert.student, "createdAt": alert.createdAt, "canAck": alert.state == .open]
        }
        if case .school(let code) = scope {
            let cases = try await operations.monitor.cases(CaseQuery(school: code, state: .open, limit: 200), actor: actor)
            page["showCases"] = true
            page["hasCases"] = !cases.isEmpty
            page["cases"] = cases.map { summary -> [String: Any] in
                ["url": "/cases/\(summary.id)", "studentName": summary.studentName, "student": summary.student, "schoolName": summary.schoolName ?? summary.school,
                 "openedOn": summary.openedOn.description, "causes": summary.causes.map { $0.label(language) }.joined(separator: language.pick("、", ", ")),
                 "visits": summary.visits, "responsible": [summary.townshipOfficial, summary.schoolTeacher].compactMap { $0 }.joined(separator: " / ")]
            }
        }
        return page
    }

    /// One case, the child's page: always masked, whoever reads it (see the type's comment).
    func casePage(_ id: Int64, actor: Actor, language: Language) async throws -> [String: Any] {
        let file = try await operations.monitor.caseFile(id, actor: actor)
        let summary = file.summary
        let say = language.pick
        let names = await operations.registry.townshipNames(actor: actor)
        var crumbs: [[String: Any]] = []
        if Self.home(of: actor) == .county { crumbs.append(["label": say("全县", "County"), "url": "/"]) }
        if AccessScope(actor).school == nil { crumbs.append(["label": names[summary.township] ?? summary.township, "url": "/townships/\(summary.township)"]) }
        crumbs.append(["label": summary.schoolName ?? summary.school, "url": "/schools/\(summary.school)"])
        crumbs.append(["label": summary.studentName])
        let state: String = switch summary.state {
        case .open: say("在办", "open")
        case .probation: say("已劝返，观察期", "returned, on probation")
        case .closed: say("已销号", "closed")
        }
        let facts: [(String, String)] = [
            (say("学籍号（脱敏）", "Student number (masked)"), summary.student),
            (say("学校", "School"), summary.schoolName ?? summary.school),
            (say("年级", "Grade"), String(summary.grade)),
            (say("年龄", "Age"), String(summary.age)),
            (say("建档立卡", "Registered poor"), summary.registeredPoor ? say("是", "yes") : say("否", "no")),
            (say("案件状态", "State"), state),
            (say("立案日期", "Opened"), summary.openedOn.description),
            (say("乡镇责任人", "Township official"), summary.townshipOfficial ?? say("未指定", "not assigned")),
            (say("学校责任人", "School teacher"), summary.schoolTeacher ?? say("未指定", "not assigned")),
            (say("原因", "Causes"), summary.causes.map { $0.label(language) }.joined(separator: say("、", ", "))),
            (say("措施", "Measures"), summary.measures.map { $0.label(language) }.joined(separator: say("、", ", "))),
            (say("本学年送教", "Lessons this school year"), "\(summary.lessons)/\(file.teachingQuota)"),
        ]
        return [
            "title": summary.studentName, "heading": "\(summary.studentName)（\(summary.student)）", "crumbs": crumbs,
            "facts": facts.map { ["label": $0.0, "value": $0.1.isEmpty ? "—" : $0.1] },
            "hasVisits": !file.visits.isEmpty,
            "visits": file.visits.map { visit -> [String: Any] in
                ["date": visit.date.description, "visitors": visit.visitors.joined(separator: say("、", ", ")), "outcome": visit.outcome, "campaign": visit.campaign ?? ""]
            },
        ]
    }

    func tiles(_ line: KPILine, _ language: Language) -> [[String: Any]] {
        let say = language.pick
        let rate = SummaryDocument.percent
        return [
            ["label": say("在校率", "In school"), "value": rate(line.inSchoolRate), "note": say("应在校\(line.shouldAttend)人", "\(line.shouldAttend) should attend")],
            ["label": say("巩固率", "Consolidation"), "value": rate(line.consolidationRate), "note": line.consolidationRate == nil ? say("学籍历史不足", "history too short") : ""],
            ["label": say("在册辍学", "Dropouts"), "value": String(line.droppedOut), "warn": line.droppedOut > 0],
            ["label": say("在办案件", "Open cases"), "value": String(line.openCases), "note": say("目标：动态清零", "goal: zero"), "warn": line.openCases > 0],
            ["label": say("劝返复学", "Returned"), "value": String(line.casesReturned), "note": say("本年立案\(line.casesOpened)件", "\(line.casesOpened) opened this year")],
            ["label": say("待核查疑似辍学", "Suspects to verify"), "value": String(line.suspectsOpen), "warn": line.suspectsOpen > 0],
            ["label": say("资助覆盖", "Aid coverage"), "value": rate(line.subsidyCoverage)],
            ["label": say("代理家长覆盖", "Surrogate coverage"), "value": rate(line.surrogateCoverage)],
            ["label": say("送教课时", "Home lessons"), "value": "\(line.teachingLessons)/\(line.teachingQuota)", "note": say("已送/应送", "given/due")],
            ["label": say("目标考核", "Targets"), "value": line.targetsMet.map { $0 ? say("达标", "met") : say("未达标", "missed") } ?? "—", "warn": line.targetsMet == false],
        ]
    }

    func area(row line: KPILine, language: Language) -> [String: Any] {
        let rate = SummaryDocument.percent
        return [
            "name": line.name ?? line.school ?? line.township ?? "", "url": link(for: line) ?? "",
            "inSchoolRate": rate(line.inSchoolRate), "consolidation": rate(line.consolidationRate), "droppedOut": line.droppedOut,
            "openCases": line.openCases, "returned": line.casesReturned, "suspects": line.suspectsOpen, "aid": rate(line.subsidyCoverage),
            "surrogates": rate(line.surrogateCoverage), "teaching": "\(line.teachingLessons)/\(line.teachingQuota)",
            "targets": line.targetsMet.map { $0 ? language.pick("达标", "met") : language.pick("未达标", "missed") } ?? "—",
        ]
    }

    func link(for line: KPILine) -> String? {
        switch line.level {
        case .county: "/"
        case .township: line.township.map { "/townships/\($0)" }
        case .school: line.school.map { "/schools/\($0)" }
        }
    }

    /// Open cases at each month's end and returns in each month, January to this month.
    func trend(_ months: [MonthCaseFigures], year: Int, language: Language) -> String {
        SVGChart.lines(
            [SVGChart.Series(name: language.pick("月末在办案件", "open at month end"), values: months.map(\.openAtEnd), style: "series-a"),
             SVGChart.Series(name: language.pick("当月劝返复学", "returned in month"), values: months.map(\.returned), style: "series-b")],
            months: months.map { language.pick("\($0.month.month)月", "\($0.month.month)") }, title: language.pick("\(year)年在办案件与劝返复学", "Open cases and returns, \(year)"),
            description: language.pick("每月月末在办案件数和当月劝返复学人数", "cases open at each month's end and children returned in each month"), id: "trend")
    }

    func downloads(year: Int, township: String?, language: Language) -> [[String: String]] {
        let say = language.pick
        let filter = township.map { "&township=\($0)" } ?? ""
        let month = CivilMonth(today())
        return [
            ["label": say("\(year)年控辍保学工作总结（Word）", "Work summary \(year) (Word)"), "url": "/api/v1/reports/summary.docx?year=\(year)\(filter)&lang=\(language.rawValue)"],
            ["label": say("\(year)年控辍保学工作总结（Markdown）", "Work summary \(year) (Markdown)"), "url": "/api/v1/reports/summary.md?year=\(year)\(filter)&lang=\(language.rawValue)"],
            ["label": say("关键指标（Excel）", "Key figures (Excel)"), "url": "/api/v1/reports/kpis.xlsx?year=\(year)\(filter)"],
            ["label": say("\(month)台账月报（Excel）", "Ledger report \(month) (Excel)"), "url": "/api/v1/ledger/report.xlsx?month=\(month)\(filter)"],
            ["label": say("辍学学生台账（Excel）", "Dropout ledger (Excel)"), "url": "/api/v1/ledger/dropout.xlsx\(township.map { "?township=\($0)" } ?? "")"],
            ["label": say("\(year)年资助统计（Excel）", "Aid totals \(year) (Excel)"), "url": "/api/v1/subsidy/totals.xlsx?year=\(year)\(filter)"],
            ["label": say("留守儿童台账（Excel）", "Left-behind children's ledger (Excel)"), "url": "/api/v1/care/ledger.xlsx\(township.map { "?township=\($0)" } ?? "")"],
        ]
    }
}
