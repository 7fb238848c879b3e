import BaoxueContracts
import BaoxueTestSupport
import Testing

@testable import Monitoring

/// 送教上门 as a placement of its own (decision 105): a child who never dropped out is taught at
/// home with no case; lessons count against the yearly quota; a case being worked by home
/// teaching does not escalate while the sessions keep coming, and closing it as 送教上门 starts
/// the placement.
@Suite struct HomeTeachingTests {
    static let school = Actor(user: "zhao", role: "school-staff", school: RosterFixtures.school, via: "test")
    static let otherTownship = Actor(user: "li", role: "township-staff", township: RosterFixtures.otherTownship, via: "test")
    static let key = RosterFixtures.idNumber(sequence: 1)

    static func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as ServiceError { return error.code.rawValue } catch { return "\(error)" }
    }

    @Test func aChildWhoNeverDroppedOutIsTaughtAtHomeWithNoCase() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        let start = HomeTeachingStart(student: Self.key, teacher: "李老师", reason: "重度脑瘫，不能到校", lessonsPerYear: 216)
        let started = try monitor.write { db, store, today in
            let id = try store.teaching.start(db, start, actor: Self.school, today: today)
            return try store.teaching.placement(db, id: id, today: today)!
        }
        #expect(started.teacher == "李老师" && started.lessonsThisYear == 0 && started.endedOn == nil && started.caseID == nil)
        #expect(started.student.contains("********"), "masked")
        #expect(Self.code { _ = try monitor.write { db, store, today in try store.teaching.start(db, start, actor: Self.school, today: today) } } == "teaching.exists")
        #expect(Self.code { _ = try monitor.write { db, store, today in try store.teaching.start(db, start, actor: Self.otherTownship, today: today) } } == "scope.forbidden")

        // Two sessions; the second by another teacher.
        monitor.advance(days: 30)
        let logged = try monitor.write { db, store, today in
            _ = try store.teaching.log(db, HomeTeachingSession(student: Self.key, date: today.adding(days: -7), lessons: 3), actor: Self.school, today: today)
            let id = try store.teaching.log(db, HomeTeachingSession(student: Self.key, date: today, teacher: "王老师", lessons: 2), actor: Self.school, today: today)
            return try store.teaching.placement(db, id: id, today: today)!
        }
        #expect(logged.sessionsThisYear == 2 && logged.lessonsThisYear == 5 && logged.lastSessionOn == monitor.today)
        // A month of a 216-lesson year owes about 18 lessons: five is behind.
        #expect(logged.expectedByNow > 5 && logged.expectedByNow < 30 && logged.isBehind)
        #expect(Self.code { _ = try monitor.write { db, store, today in try store.teaching.log(db, HomeTeachingSession(student: Self.key, date: today, lessons: 12), actor: Self.school, today: today) } } == "teaching.invalid")
        #expect(Self.code { _ = try monitor.write { db, store, today in try store.teaching.log(db, HomeTeachingSession(student: Self.key, date: today.adding(days: 1), lessons: 2), actor: Self.school, today: today) } } == "teaching.invalid")

        // No case, no alert: the child is not a dropout.
        #expect(try monitor.caseRow(1) == nil)
        #expect(try monitor.openRules(1) == [])
        let listed = try monitor.write { db, store, today in try store.teaching.list(db, HomeTeachingQuery(), today: today) }
        #expect(listed.map(\.lessonsThisYear) == [5])

        // Ended: no longer current, still listed with the ended ones, sessions kept.
        try monitor.write { db, store, today in _ = try store.teaching.end(db, HomeTeachingEnd(student: Self.key, reason: "康复后随班就读"), actor: Self.school, today: today) }
        #expect(try monitor.write { db, store, today in try store.teaching.list(db, HomeTeachingQuery(), today: today) }.isEmpty)
        let ended = try monitor.write { db, store, today in try store.teaching.list(db, HomeTeachingQuery(ended: true), today: today) }
        #expect(ended.count == 1 && ended[0].endReason == "康复后随班就读" && ended[0].lessonsThisYear == 5 && !ended[0].isBehind)
        #expect(Self.code { _ = try monitor.write { db, store, today in try store.teaching.log(db, HomeTeachingSession(student: Self.key, date: today, lessons: 2), actor: Self.school, today: today) } } == "teaching.notFound")
    }

    @Test func aDroppedOutChildReturnsThroughTheRegistryFirst() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        try monitor.change(1, .dropOut, to: .droppedOut, reason: "疾病")
        #expect(Self.code { _ = try monitor.write { db, store, today in try store.teaching.start(db, HomeTeachingStart(student: Self.key, teacher: "李老师", reason: "病"), actor: MonitorHarness.county, today: today) } } == "teaching.notEnrolled")
        // Closing the dropout's case as 送教上门 is refused the same way: nothing written.
        let id = try #require(try monitor.caseRow(1)?.id)
        try monitor.write { db, store, today in try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today) }
        #expect(Self.code { try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .homeTeaching), actor: MonitorHarness.county, today: today) } } == "teaching.notEnrolled")
        #expect(try monitor.caseRow(1)?.state == .open)
    }

    /// A case of an enrolled child (opened by hand) worked by home teaching: no rule-6 escalation
    /// while sessions keep coming, even past the 60 days; when they stop, it escalates; closing
    /// it as 送教上门 starts the placement with the case's teacher, and the case stays closed.
    @Test func sessionsKeepACaseFromEscalatingAndClosingItStartsThePlacement() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        let id = try monitor.write { db, store, today in
            let id = try store.cases.open(db, OpenCaseRequest(student: Self.key, causes: [.illness], note: "长期病假"), actor: MonitorHarness.county, today: today)
            try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today)
            return id
        }
        for _ in 0..<8 {
            monitor.advance(days: 10)
            try monitor.write { db, store, today in try store.cases.teach(db, TeachingRequest(id: id, date: today, teacher: "张老师", lessons: 3), actor: MonitorHarness.county, today: today) }
            try monitor.sweep()
            #expect(try !monitor.openRules(1).contains(.caseStalled))
        }
        monitor.advance(days: 15)
        try monitor.sweep()
        #expect(try monitor.openRules(1).contains(.caseStalled), "80 days open, the last session 15 days ago")

        try monitor.write { db, store, today in try store.cases.close(db, CloseCaseRequest(id: id, outcome: .homeTeaching), actor: MonitorHarness.county, today: today) }
        #expect(try monitor.caseRow(1)?.state == .closed)
        #expect(try monitor.openRules(1) == [])
        let placements = try monitor.write { db, store, today in try store.teaching.list(db, HomeTeachingQuery(), today: today) }
        #expect(placements.count == 1 && placements[0].caseID == id && placements[0].teacher == "张老师" && placements[0].startedOn == monitor.today)
    }
}
