import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// The case workflow's rules: both lines before anything moves, a dropout's return through the
/// registry, proof where an outcome needs it, siblings together, history append-only, scope.
@Suite struct CaseWorkflowTests {
    static let township = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")
    static let otherTownship = Actor(user: "zhao", role: "township-staff", township: RosterFixtures.otherTownship, via: "test")
    static let viewer = Actor(user: "v", role: "viewer", via: "test")

    static func code(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as ServiceError { return error.code.rawValue } catch { return "\(error)" }
        return nil
    }

    @Test func aCaseMovesOnlyWithBothLinesAndClosesOnlyAsDomainSays() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1, guardianPhone: "13800001111")
        try monitor.add(2, guardianPhone: "13800001111")
        let file = try monitor.write { db, store, today in
            let id = try store.cases.open(db, OpenCaseRequest(student: RosterFixtures.idNumber(sequence: 1), causes: [.learningDifficulty], note: "班主任发现"), actor: Self.township, today: today)
            return try store.cases.file(db, id: id, today: today)!
        }
        let id = file.summary.id
        #expect(file.summary.origin == .manual && file.summary.causes == [.learningDifficulty])
        #expect(file.siblings.count == 1 && file.siblings[0].name == "学生2", "one family's children show together")
        #expect(!file.summary.student.contains(RosterFixtures.idNumber(sequence: 1)))

        let plan = PlanCaseRequest(id: id, causes: [.learningDifficulty], measures: [.tutoring, .homeVisit])
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.plan(db, plan, actor: Self.township, today: today) } } == "case.unassigned")
        try monitor.write { db, store, today in try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长"), actor: Self.township, today: today) }
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.plan(db, plan, actor: Self.township, today: today) } } == "case.unassigned")
        try monitor.write { db, store, today in try store.cases.assign(db, AssignCaseRequest(id: id, schoolTeacher: "李老师"), actor: Self.township, today: today) }
        try monitor.write { db, store, today in try store.cases.plan(db, plan, actor: Self.township, today: today) }

        // Other townships and viewers cannot work it.
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.plan(db, plan, actor: Self.otherTownship, today: today) } } == "scope.forbidden")
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.plan(db, plan, actor: Self.viewer, today: today) } } == "scope.forbidden")

        try monitor.write { db, store, today in
            try store.cases.visit(db, VisitRequest(id: id, date: today, visitors: ["王乡长", "李老师"], outcome: "家长配合", campaign: "千名教师访万家"), actor: Self.township, today: today)
            try store.cases.step(db, LegalStepRequest(id: id, step: .townshipNotice, date: today, note: "限期7日入学"), actor: Self.township, today: today)
            try store.cases.teach(db, TeachingRequest(id: id, date: today, teacher: "李老师", lessons: 3), actor: Self.township, today: today)
        }
        // Bad dates and values are refused with the field.
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.visit(db, VisitRequest(id: id, date: today.adding(days: -30), visitors: ["王"], outcome: "x"), actor: Self.township, today: today) } } == "case.invalid")
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.teach(db, TeachingRequest(id: id, date: today, teacher: "李老师", lessons: 40), actor: Self.township, today: today) } } == "case.invalid")

        #expect(Self.code { try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .returned), actor: Self.township, today: today) } } == "case.proofRequired", "back in class needs who confirmed it")
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .emigrated), actor: Self.township, today: today) } } == "case.proofRequired")
        // A school place is the registry's to record (decision 82).
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .specialEducation), actor: Self.township, today: today) } } == "case.placementNotRecorded")
        try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .homeTeaching), actor: Self.township, today: today) }
        let closed = try monitor.write { db, store, today in try store.cases.file(db, id: id, today: today)! }
        #expect(closed.summary.state == .closed && closed.summary.outcome == .homeTeaching)
        #expect(closed.summary.lessons == 3 && closed.summary.visits == 1)
        let nextSchoolYear = try monitor.write { db, store, today in try store.cases.file(db, id: id, today: today.schoolYearStart.adding(days: 366))! }
        #expect(nextSchoolYear.summary.lessons == 0 && nextSchoolYear.teaching.count == 1, "the quota counts this school year's lessons; the file keeps every session")
        #expect(closed.history.map(\.kind) == ["opened", "assigned", "assigned", "planned", "visit", "step", "teaching", "closed"])
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.visit(db, VisitRequest(id: id, date: today, visitors: ["王"], outcome: "x"), actor: Self.township, today: today) } } == "case.notOpen")
        // The history cannot be rewritten.
        #expect(throws: (any Error).self) { try monitor.database.write { try $0.execute(sql: "DELETE FROM case_history") } }
    }

    @Test func aDroppedOutChildReturnsThroughTheRegistryNotByClosingTheCase() throws {
        let monitor = try MonitorHarness()
        try monitor.add(3)
        try monitor.change(3, .dropOut, to: .droppedOut, reason: "厌学")
        let id = try #require(try monitor.caseRow(3)?.id)
        try monitor.write { db, store, today in try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: Self.township, today: today) }
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .returned, proof: "班主任核实"), actor: Self.township, today: today) } } == "case.returnNotRecorded")
        try monitor.change(3, .return, to: .enrolled, from: .droppedOut, revision: 3)
        #expect(try monitor.caseRow(3)?.state == .probation)
    }

    @Test func aPlacementTheRegistryRecordsClosesTheCaseWithThatOutcome() throws {
        let monitor = try MonitorHarness()
        try monitor.add(4)
        try monitor.add(5)
        try monitor.change(4, .dropOut, to: .droppedOut, reason: "厌学")
        try monitor.change(4, .return, to: .enrolled, from: .droppedOut, revision: 3, toSchoolType: .vocational)
        let placed = try #require(try monitor.caseRow(4))
        #expect(placed.state == .probation && placed.outcome == .vocational)
        // An enrolled child with a case (by hand) transferred into a special-education school.
        _ = try monitor.write { db, store, today in try store.cases.open(db, OpenCaseRequest(student: RosterFixtures.idNumber(sequence: 5), causes: [.disability]), actor: Self.township, today: today) }
        try monitor.change(5, .transferOut, to: .transferredOut)
        try monitor.change(5, .transferIn, to: .enrolled, from: .transferredOut, revision: 3, toSchoolType: .special)
        #expect(try monitor.caseRow(5)?.outcome == .specialEducation && monitor.caseRow(5)?.state == .probation)
    }

    @Test func alertsAreListedAndAcknowledgedWithinScope() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        try monitor.add(5, school: RosterFixtures.otherSchool)
        try monitor.change(1, .dropOut, to: .droppedOut, reason: "厌学")
        let id = try #require(try monitor.write { db, store, _ in try store.alerts.list(db, AlertQuery()) }.first?.id)
        #expect(Self.code { _ = try monitor.write { db, store, _ in try store.alerts.acknowledge(db, AlertAcknowledgement(id: id), actor: Self.otherTownship) } } == "scope.forbidden")
        let acknowledged = try monitor.write { db, store, _ in try store.alerts.acknowledge(db, AlertAcknowledgement(id: id, note: "已联系家长"), actor: Self.township) }
        #expect(acknowledged.state == .acknowledged && acknowledged.acknowledgedBy == "wang")
        #expect(!acknowledged.student.contains(RosterFixtures.idNumber(sequence: 1)))
        // Absences: the child's school or the county, nobody else.
        #expect(Self.code { try monitor.absent(5, on: monitor.today, actor: Actor(user: "li", role: "school-staff", school: RosterFixtures.school, via: "test")) } == "scope.forbidden")
        #expect(Self.code { try monitor.absent(99, on: monitor.today) } == "student.notFound")
    }
}
