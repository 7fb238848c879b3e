import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Care

/// Activities per child and per group, counted per month and kind; the county's care figures.
@Suite struct ActivityAndFigureTests {
    @Test func activitiesAreCountedPerMonthKindAndPlace() throws {
        let care = try CareHarness()
        for n in 1...3 {
            try care.add(n)
            try care.record(CareHarness.entry(n))
        }
        try care.add(4, school: RosterFixtures.otherSchool)
        try care.record(CareHarness.entry(4))
        func record(_ request: ActivityRequest) throws -> Activity {
            try care.write { db, store, today in try store.activities.record(db, request, actor: CareHarness.county, today: today) }
        }
        let group = try record(ActivityRequest(kind: .youthPalace, school: RosterFixtures.school, students: [CareHarness.key(1), CareHarness.key(2)], participants: 30, note: "书法兴趣小组"))
        #expect(group.children.count == 2 && group.participants == 30)
        _ = try record(ActivityRequest(kind: .videoCall, school: RosterFixtures.school, students: [CareHarness.key(3)], date: CivilDate(parsing: "2026-10-15")!))
        _ = try record(ActivityRequest(kind: .counselling, school: RosterFixtures.otherSchool, students: [CareHarness.key(4)]))
        #expect(errorCode { _ = try record(ActivityRequest(kind: .tutoring, school: RosterFixtures.school, students: [CareHarness.key(1), CareHarness.key(1)])) } == ErrorCode.careInvalid.rawValue)
        #expect(errorCode { _ = try record(ActivityRequest(kind: .surrogateContact, school: RosterFixtures.school, students: [CareHarness.key(1)])) } == ErrorCode.careInvalid.rawValue)
        #expect(errorCode { _ = try record(ActivityRequest(kind: .tutoring, school: RosterFixtures.school, students: [CareHarness.key(1)], participants: 0)) } == ErrorCode.careInvalid.rawValue)
        let summary = try care.read { db, store, _ in try store.activities.summary(db, ActivitySummaryQuery(year: 2026)) }
        #expect(summary.map { "\($0.month) \($0.township) \($0.kind.rawValue) \($0.activities) \($0.childTimes)" } == [
            "2026-10 510123101 videoCall 1 1",
            "2026-11 510123101 youthPalace 1 2",
            "2026-11 510123102 counselling 1 1",
        ])
        let bySchool = try care.read { db, store, _ in try store.activities.summary(db, ActivitySummaryQuery(year: 2026, township: RosterFixtures.township, bySchool: true)) }
        #expect(bySchool.allSatisfy { $0.school == RosterFixtures.school })
        let listed = try care.read { db, store, _ in try store.activities.list(db, ActivityQuery(kind: .youthPalace)) }
        #expect(listed.map(\.id) == [group.id])
    }

    @Test func theFiguresCountTheLedgerCoverageHomesAndActivities() throws {
        let care = try CareHarness()
        for n in 1...4 {
            try care.add(n, school: n == 4 ? RosterFixtures.otherSchool : RosterFixtures.school)
            try care.record(CareHarness.entry(n))
        }
        let teacher = try care.register("王老师")
        try care.assign(1, to: teacher.id)
        try care.assign(2, to: teacher.id)
        _ = try care.write { db, store, today in
            try store.homes.record(db, HomeRequest(school: RosterFixtures.school, name: "之家", openedOn: CivilDate(parsing: "2020-09-01")!, rooms: 1, inCharge: CareContact(name: "周老师")), actor: CareHarness.county, today: today)
        }
        let figures = try care.read { db, store, today in try store.reporter.figures(db, CareFiguresQuery(year: 2026), school: nil, today: today) }
        #expect(figures.children == 4 && figures.withSurrogate == 2 && figures.coverage == 50)
        #expect(figures.schools == 2 && figures.homes == 1 && figures.surrogates == 1)
        #expect(figures.townships.map { "\($0.township) \($0.children) \($0.withSurrogate) \($0.coverage ?? -1)" } == ["510123101 3 2 66.6", "510123102 1 0 0.0"])
        let township = try care.read { db, store, today in try store.reporter.figures(db, CareFiguresQuery(year: 2026, township: RosterFixtures.otherTownship), school: nil, today: today) }
        #expect(township.children == 1 && township.homes == 0)
        let counts = try care.read { db, _, _ in try CareStore.counts(db) }
        #expect(counts["ledger"] == 4 && counts["withSurrogate"] == 2 && counts["homes"] == 1)
    }
}
