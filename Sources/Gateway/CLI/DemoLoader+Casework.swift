import BaoxueContracts
import BaoxueDemo

extension DemoLoader {
    /// The year's responsibility work as a county would have it on record, so the yearly summary
    /// and the KPI sheet of a fresh demo show every part of it: a signed document per township,
    /// both responsible people and a home visit (under the 千名教师访万家 campaign) on each open
    /// case, a class teacher's talk on the first, one child persuaded back to school, and
    /// home-delivered teaching for a few children with a disability. Each step is skipped when it
    /// is already on file, so loading twice records nothing twice.
    static func loadCasework(_ county: DemoCounty, into operations: Operations, actor: Actor) async throws {
        let today = county.today
        let yearStart = CivilDate(year: today.year, month: 1, day: 1)!
        for township in county.townships {
            let request = AddTargetRequest(
                year: today.year, township: township.code, maxDropouts: 0, minEnrolmentRate: 99, maxOpenCases: 0,
                signedBy: ["县长", "\(township.name)乡镇长"], signedOn: min(today, yearStart.adding(days: 40)))
            do {
                _ = try await operations.targets.addTarget(request, actor: actor)
            } catch let error as ServiceError where error.code == .targetExists {}
        }

        // One child who dropped out comes back (劝返复学): the registry's return closes the case
        // into its probation.
        if let back = county.students.enumerated().first(where: { $0.offset % 97 == 0 && $0.offset > 0 && $0.element.grade >= 4 })?.element {
            do {
                _ = try await operations.registry.changeStatus(StatusChangeRequest(student: back.identityKey, kind: .return, date: today.adding(days: -1), documents: ["复学申请"]), actor: actor)
            } catch let error as ServiceError where error.code == .changeNotAllowed {}
        }
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(120))

        let open = try await operations.monitor.cases(CaseQuery(state: .open, limit: 1_000), actor: actor)
        for (index, summary) in open.enumerated() where summary.visits == 0 {
            _ = try await operations.monitor.assignCase(AssignCaseRequest(id: summary.id, townshipOfficial: "乡镇干部\(index % 7 + 1)", schoolTeacher: "班主任\(index % 11 + 1)"), actor: actor)
            _ = try await operations.monitor.recordVisit(
                VisitRequest(id: summary.id, date: max(summary.openedOn, today.adding(days: -2)), visitors: ["乡镇干部\(index % 7 + 1)", "班主任\(index % 11 + 1)"], outcome: "已上门宣传政策，家长表示配合", nextVisit: today.adding(days: 7), campaign: index % 2 == 0 ? "千名教师访万家" : nil),
                actor: actor)
            if index == 0 {
                _ = try await operations.monitor.recordLegalStep(LegalStepRequest(id: summary.id, step: .classTeacher, date: max(summary.openedOn, today.adding(days: -1))), actor: actor)
            }
        }

        // Home-delivered teaching for children with a disability who are on the register: one
        // placement each since the term began, a visit of three lessons a week.
        let placed = try await operations.monitor.teaching(HomeTeachingQuery(), actor: actor)
        guard placed.isEmpty else { return }
        let termStart = Term(containing: today).start
        let children = county.students.enumerated().filter { $0.element.disability != .none && $0.offset % 97 != 0 && $0.offset % 151 != 0 && $0.offset % 211 != 0 }.prefix(3)
        for (index, child) in children {
            let started = max(termStart, today.adding(days: -90))
            _ = try await operations.monitor.startTeaching(HomeTeachingStart(student: child.identityKey, teacher: "特教教师\(index % 5 + 1)", reason: "重度残疾，无法到校", startedOn: started), actor: actor)
            var day = started
            while day < today {
                if !day.isWeekend {
                    _ = try await operations.monitor.logTeaching(HomeTeachingSession(student: child.identityKey, date: day, lessons: 3), actor: actor)
                    day = day.adding(days: 7)
                } else {
                    day = day.adding(days: 1)
                }
            }
        }
    }
}
