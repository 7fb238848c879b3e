import BaoxueContracts

/// The child rules of DOMAIN.md (1–4) as a pure function of what is known about a child today:
/// which alerts should be open, with their texts. The caller reconciles that with the alerts that
/// are open (opening the missing, resolving the rest), so evaluating twice changes nothing.
struct ChildRules {
    let settings: MonitorSettings

    /// An alert that should be open, with what it says.
    struct Finding: Equatable {
        var text: String
        var textEnglish: String
    }

    /// The alerts that should be open for `child` on `today`, given the dates of its
    /// unexplained absences and its case (for the texts).
    /// - Parameter excused: days absent with a reason (leave): they neither count nor break a run.
    func findings(_ child: ChildFacts, unexplained: Set<CivilDate>, excused: Set<CivilDate> = [], today: CivilDate, caseID: Int64?) -> [AlertRule: Finding] {
        var findings: [AlertRule: Finding] = [:]
        let calendar = settings.calendar
        let name = child.name, school = child.displaySchool
        let caseText = caseID.map { "，已立案（案件\($0)）" } ?? ""
        let caseEnglish = caseID.map { "; case \($0) is open" } ?? ""
        switch child.status {
        case .droppedOut:
            findings[.dropoutReported] = Finding(
                text: "\(name)（\(school)）已报告辍学\(caseText)。请乡镇、学校双线负责人尽快上门劝返。",
                textEnglish: "\(name) (\(school)) was reported as dropped out\(caseEnglish). The township and school leads should visit the family.")
        case .transferredOut:
            // Days in session: a transfer in July is not "not received" in August.
            if let since = child.statusDate, case let days = calendar.sessionDays(after: since, through: today), days > settings.transferGraceDays {
                findings[.transferNotReceived] = Finding(
                    text: "\(name)于\(since)从\(school)转出，\(days)天（不计假期）未被任何学校接收（转出未转入），疑似辍学，请核实去向。",
                    textEnglish: "\(name) transferred out of \(school) on \(since) and no school has received them in \(days) days (holidays not counted): a suspected dropout. Find out where they are.")
            }
        case .suspended:
            if let end = child.expectedEnd, case let days = calendar.sessionDays(after: end, through: today), days > settings.suspensionGraceDays {
                findings[.suspensionOverdue] = Finding(
                    text: "\(name)（\(school)）休学已于\(end)到期，逾期\(days)天（不计假期）未复学，疑似辍学，请核实。",
                    textEnglish: "\(name) (\(school)): the suspension ended on \(end) and \(days) days later (holidays not counted) they have not resumed. A suspected dropout.")
            }
        default:
            break
        }
        // 手续完备: documents still missing after the grace, counted in school days (a change in
        // July is not overdue in August), whatever the child's status.
        if let since = child.documentsPendingSince {
            let days = calendar.schoolDays(from: since.adding(days: 1), through: today).count
            if days > settings.documentsGraceSchoolDays {
                findings[.documentsIncomplete] = Finding(
                    text: "\(name)（\(school)）自\(since)起的学籍变动手续不全，已\(days)个教学日。请学校补交证明材料（baoxue student changes --incomplete 查看，baoxue student documents 补交）。",
                    textEnglish: "\(name) (\(school)): a status change since \(since) still lacks documents after \(days) school days. The school should hand them in (`baoxue student changes --incomplete`, then `baoxue student documents`).")
            }
        }
        // Absences count only while the child is meant to be in class.
        if child.status == .enrolled, !unexplained.isEmpty {
            let streak = Self.currentStreak(unexplained, excused: excused, today: today, calendar: calendar)
            let windowStart = today.adding(days: -(settings.absenceWindowDays - 1))
            let inWindow = unexplained.filter { $0 >= windowStart && $0 <= today }.count
            if streak >= settings.absenceDropoutDays {
                findings[.absenceDropout] = Finding(
                    text: "\(name)（\(school)）已连续\(streak)个教学日无故缺课，视同辍学\(caseText)。",
                    textEnglish: "\(name) (\(school)) has been absent without reason for \(streak) school days in a row: treated as a dropout\(caseEnglish).")
            } else if streak > settings.absenceConsecutiveDays || inWindow >= settings.absenceWindowCount {
                findings[.absenceWarning] = Finding(
                    text: "\(name)（\(school)）无故缺课：连续\(streak)个教学日，近\(settings.absenceWindowDays)天共\(inWindow)天。请学校与乡镇及时家访。",
                    textEnglish: "\(name) (\(school)) is missing school without reason: \(streak) school days in a row, \(inWindow) days in the last \(settings.absenceWindowDays). The school and the township should visit.")
            }
        }
        return findings
    }

    /// Unexplained absences on consecutive school days, ending on the latest school day on or
    /// before today (or the one before it: today's report may not be in yet). Days on leave are
    /// stepped over: a child absent Monday to Thursday without reason and on sick leave Friday
    /// has not come back. 0 when the child has been in class since.
    static func currentStreak(_ unexplained: Set<CivilDate>, excused: Set<CivilDate> = [], today: CivilDate, calendar: SchoolCalendar) -> Int {
        func previous(_ day: CivilDate) -> CivilDate { calendar.schoolDay(onOrBefore: day.adding(days: -1)) }
        var day = calendar.schoolDay(onOrBefore: today)
        var steps = 0
        while excused.contains(day), steps < 400 { day = previous(day); steps += 1 }
        if !unexplained.contains(day) {
            day = previous(day)
            while excused.contains(day), steps < 400 { day = previous(day); steps += 1 }
        }
        var streak = 0
        while steps < 400 {
            if unexplained.contains(day) {
                streak += 1
            } else if !excused.contains(day) {
                break
            }
            day = previous(day)
            steps += 1
        }
        return streak
    }

    /// Why a rule's alert no longer applies, for the resolved alert.
    static func resolution(_ rule: AlertRule, child: ChildFacts?) -> String {
        guard let child else { return "学生已不在册 (no longer on the register)" }
        switch rule {
        case .absenceWarning, .absenceDropout:
            return child.status == .enrolled ? "已返校上课 (back in class)" : "学籍状态：\(child.status.label(.zh)) (status: \(child.status.rawValue))"
        case .documentsIncomplete:
            return "手续已补齐 (the documents are complete)"
        case .caseStalled:
            return "案件已有进展或已销号 (the case moved on or closed)"
        default:
            return "学籍状态：\(child.status.label(.zh))，\(child.displaySchool) (status: \(child.status.rawValue), \(child.school))"
        }
    }
}
