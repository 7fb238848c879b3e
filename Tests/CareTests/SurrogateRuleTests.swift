import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Care

/// Surrogate parents: the cap, the 14-day alert and the contact reminder, on the test's clock.
@Suite struct SurrogateRuleTests {
    @Test func theSixthChildIsRefusedWithAClearMessage() throws {
        let care = try CareHarness()
        let teacher = try care.register("王老师")
        for n in 1...6 {
            try care.add(n)
            try care.record(CareHarness.entry(n))
        }
        for n in 1...5 { try care.assign(n, to: teacher.id) }
        do {
            try care.assign(6, to: teacher.id)
            Issue.record("a sixth child was assigned")
        } catch let error as ServiceError {
            #expect(error.code == .careSurrogateFull)
            #expect(error.message.contains("已达上限5名") && error.message.contains("the maximum of 5"))
        }
        // Assigning a child to the surrogate they already have is not a sixth.
        #expect(try care.assign(5, to: teacher.id).surrogate == teacher.id)
        // Another surrogate takes the sixth; reassigning one of the five frees a place.
        let volunteer = try care.write { db, store, today in try store.surrogates.register(db, SurrogateRequest(name: "刘阿姨", kind: .volunteer, village: "510123101201"), actor: CareHarness.county, today: today) }
        #expect(volunteer.township == RosterFixtures.township)
        try care.assign(1, to: volunteer.id)
        try care.assign(6, to: teacher.id)
        let listed = try care.read { db, store, _ in try store.surrogates.list(db, CareScopeQuery()) }
        #expect(listed.map(\.children).sorted() == [1, 5])
        #expect(listed.allSatisfy { $0.phone == nil || $0.phone!.contains("****") })
    }

    @Test func theCapIsConfigurable() throws {
        let care = try CareHarness { $0.surrogateMaximumChildren = 1 }
        let teacher = try care.register("王老师")
        for n in 1...2 {
            try care.add(n)
            try care.record(CareHarness.entry(n))
        }
        try care.assign(1, to: teacher.id)
        #expect(errorCode { try care.assign(2, to: teacher.id) } == ErrorCode.careSurrogateFull.rawValue)
    }

    @Test func aChildWithoutASurrogateFourteenDaysAfterEnteringRaisesAnAlert() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1))
        care.advance(days: 13)
        try care.sweep()
        #expect(try care.openRules(1) == [])
        care.advance(days: 1)
        let report = try care.sweep()
        #expect(report.opened == 1)
        #expect(try care.openRules(1) == [.surrogateMissing])
        // Sweeping again opens nothing more.
        #expect(try care.sweep().opened == 0)
        let alert = try #require(try care.read { db, store, _ in try store.alerts.list(db, AlertQuery()) }.first)
        #expect(alert.text.contains("14天") && alert.township == RosterFixtures.township && alert.severity == .warning)
        #expect(alert.student.contains("********"))
        // The alert went out on care.alert.<township> with the Alert body.
        let events = try care.published().filter { $0.type == CareMessage.Event.alert }
        #expect(events.count == 1)
        // Assigning a surrogate resolves it at once.
        let teacher = try care.register("王老师")
        try care.assign(1, to: teacher.id)
        #expect(try care.openRules(1) == [])
        let resolved = try care.read { db, store, _ in try store.alerts.alert(db, id: alert.id) }
        #expect(resolved?.state == .resolved && resolved?.resolution?.contains("王老师") == true)
        // The gaps say the same as the alerts.
        let gaps = try care.read { db, store, today in try store.reporter.gaps(db, CareScopeQuery(), today: today) }
        #expect(gaps.withoutSurrogateTotal == 0)
    }

    @Test func aChildEnteredLongAgoIsAlertedAtOnceAndTheGapsAgree() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1, enteredOn: care.today.adding(days: -30)))
        #expect(try care.openRules(1) == [.surrogateMissing])
        let gaps = try care.read { db, store, today in try store.reporter.gaps(db, CareScopeQuery(), today: today) }
        #expect(gaps.withoutSurrogate.map(\.days) == [30])
        #expect(gaps.schoolsWithoutHomeTotal == 2)
    }

    /// The sweep walks the open alerts and the ledger side by side in number order: alerts of
    /// children no longer on the ledger (before the first, between two, after the last) are
    /// resolved, and those of children on it are kept.
    @Test func theSweepResolvesTheAlertsOfChildrenOffTheLedgerWhereverTheyFall() throws {
        let care = try CareHarness()
        for n in 1...5 {
            try care.add(n)
            try care.record(CareHarness.entry(n, enteredOn: care.today.adding(days: -30)))
        }
        #expect(try (1...5).allSatisfy { try care.openRules($0) == [.surrogateMissing] })
        // Off the ledger without their alerts being resolved (as if the service stopped between the two).
        try care.write { db, _, _ in
            try db.execute(sql: "UPDATE ledger_entry SET state = 'inactive' WHERE student IN (?, ?, ?)", arguments: [CareHarness.number(1), CareHarness.number(3), CareHarness.number(5)])
        }
        let report = try care.sweep()
        #expect(report.children == 2 && report.resolved == 3 && report.opened == 0)
        #expect(try [1, 3, 5].allSatisfy { try care.openRules($0) == [] })
        #expect(try [2, 4].allSatisfy { try care.openRules($0) == [.surrogateMissing] })
    }

    @Test func aSurrogateSteppingDownRestartsTheFourteenDays() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1, enteredOn: care.today.adding(days: -30)))
        let teacher = try care.register("王老师")
        try care.assign(1, to: teacher.id)
        try care.write { db, store, today in try store.surrogates.end(db, AssignmentEnd(student: CareHarness.key(1), reason: "调离本校"), actor: CareHarness.county, today: today) }
        #expect(try care.openRules(1) == [])
        care.advance(days: 14)
        try care.sweep()
        #expect(try care.openRules(1) == [.surrogateMissing])
    }

    @Test func aSurrogateIsRemindedAfterTheContactPeriodAndAContactResolvesIt() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1))
        let teacher = try care.register("王老师")
        try care.assign(1, to: teacher.id)
        care.advance(days: 14)
        try care.sweep()
        #expect(try care.openRules(1) == [])
        care.advance(days: 1)
        try care.sweep()
        #expect(try care.openRules(1) == [.contactOverdue])
        // The reminder went to the surrogate as a notice, published once.
        let notices = try care.read { db, store, _ in try store.notices.list(db, NoticeQuery(surrogate: teacher.id)) }
        #expect(notices.count == 1 && notices[0].source == .careAlert && notices[0].rule == .contactOverdue)
        #expect(try care.published().filter { $0.type == CareMessage.Event.notice }.count == 1)
        // A contact logged today resolves it, and the period counts from it.
        let contact = try care.write { db, store, today in try store.surrogates.logContact(db, ContactRequest(student: CareHarness.key(1), way: .visit, note: "家访，作业完成好"), actor: CareHarness.county, today: today) }
        #expect(contact.kind == .surrogateContact && contact.surrogate == teacher.id && contact.way == .visit)
        #expect(try care.openRules(1) == [])
        #expect(try care.entry(1)?.lastContactOn == care.today)
        care.advance(days: 14)
        try care.sweep()
        #expect(try care.openRules(1) == [])
        // A contact in the future or before the assignment is refused.
        let future = errorCode { _ = try care.write { db, store, today in try store.surrogates.logContact(db, ContactRequest(student: CareHarness.key(1), way: .phone, date: today.adding(days: 1)), actor: CareHarness.county, today: today) } }
        #expect(future == ErrorCode.careInvalid.rawValue)
    }

    @Test func onlyChildrenOnTheLedgerGetSurrogates() throws {
        let care = try CareHarness()
        try care.add(1, household: .urban)
        try care.record(CareHarness.entry(1))
        let teacher = try care.register("王老师")
        #expect(errorCode { try care.assign(1, to: teacher.id) } == ErrorCode.careNotInLedger.rawValue)
        #expect(errorCode { _ = try care.write { db, store, today in try store.surrogates.logContact(db, ContactRequest(student: CareHarness.key(1), way: .visit), actor: CareHarness.county, today: today) } } == ErrorCode.careNoSurrogate.rawValue)
        let school = Actor(user: "s", role: "school-staff", school: RosterFixtures.otherSchool, via: "test")
        try care.add(2)
        try care.record(CareHarness.entry(2))
        #expect(errorCode { try care.assign(2, to: teacher.id, actor: school) } == ErrorCode.scopeForbidden.rawValue)
    }
}
