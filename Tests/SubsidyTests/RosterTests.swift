import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Subsidy

/// Family rosters: each import is one source's whole list on its date; who joins, stays and
/// leaves, with history; what a file with refused rows may not do; the children no school holds.
@Suite struct RosterTests {
    static let autumn = Term(year: 2026, season: .autumn)

    func eligible(_ harness: SubsidyHarness, _ term: Term = Self.autumn) throws -> Int {
        try harness.database.read { db in try harness.store.eligibility.page(db, EligibilityQuery(term: term, limit: 1_000)).total }
    }

    @Test func aFamilyThatLeavesAListStopsBeingEligibleFromTheNextTerm() throws {
        let harness = try SubsidyHarness()
        for sequence in 1...4 { try harness.enrol(sequence, grade: 4) }
        let first = try harness.roster(.poverty, [(1, .registeredPoor), (2, .registeredPoor), (3, .registeredPoor)], on: CivilDate(parsing: "2026-09-01"))
        #expect(first.joined == 3 && first.left == 0 && first.matched == 3 && first.unmatched == 0)
        // The same file again changes nothing.
        let again = try harness.roster(.poverty, [(1, .registeredPoor), (2, .registeredPoor), (3, .registeredPoor)], on: CivilDate(parsing: "2026-09-01"))
        #expect(again.joined == 0 && again.unchanged == 3 && again.left == 0)
        // In October child 3 leaves and child 4 joins.
        let october = try harness.roster(.poverty, [(1, .registeredPoor), (2, .registeredPoor), (4, .registeredPoor)], on: CivilDate(parsing: "2026-10-10"))
        #expect(october.joined == 1 && october.unchanged == 2 && october.left == 1)
        #expect(try eligible(harness) == 4, "child 3 stays eligible for the term they left in")
        #expect(try eligible(harness, Self.autumn.next) == 3)
        let basis = try harness.database.read { db in try harness.store.rosters.basis(db, idNumber: SubsidyHarness.idNumber(3)) }
        #expect(basis == [EligibilityBasis(category: .registeredPoor, source: .poverty, since: CivilDate(parsing: "2026-09-01")!, until: CivilDate(parsing: "2026-10-10"))])
        // An older roster cannot follow a newer one.
        #expect(errorCode { try harness.roster(.poverty, [(1, .registeredPoor)], on: CivilDate(parsing: "2026-09-15")) } == "subsidy.rosterOutOfOrder")
        // Another source's lists are another's: civil affairs does not touch 建档立卡.
        try harness.roster(.civilAffairs, [(1, .subsistence)], on: CivilDate(parsing: "2026-09-15"))
        #expect(try harness.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM membership WHERE until IS NULL") } == 4)
    }

    /// A file with refused rows adds and keeps, but takes nobody off: a refused row may be a family
    /// still on the list.
    @Test func anIncompleteFileTakesNobodyOff() throws {
        let harness = try SubsidyHarness()
        for sequence in 1...3 { try harness.enrol(sequence, grade: 8) }
        try harness.roster(.civilAffairs, [(1, .subsistence), (2, .orphan)], on: CivilDate(parsing: "2026-09-01"))
        let partial = try harness.roster(.civilAffairs, [(3, .extremeHardship)], on: CivilDate(parsing: "2026-10-01"), complete: false)
        #expect(partial.joined == 1 && partial.left == 0 && partial.closingSkipped)
        #expect(try harness.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM membership WHERE until IS NULL") } == 3)
    }

    /// A category must be the source's, and a row that did not come through the gateway's checks
    /// is refused with its row rather than stored.
    @Test func rowsAreCheckedAgainstTheirSource() throws {
        var fields: [FamilyRosterField: String] = [.idNumber: SubsidyHarness.idNumber(1), .name: "王小明", .township: "510123101201", .category: "农村低保"]
        let row = try FamilyRosterRow.parse(fields, source: .civilAffairs).get()
        #expect(row.category == .subsistence && row.township == "510123101" && row.detail == "农村低保")
        #expect((try? FamilyRosterRow.parse(fields, source: .poverty).get()) == nil)
        fields[.category] = nil
        #expect(try FamilyRosterRow.parse(fields, source: .poverty).get().category == .registeredPoor)
        #expect((try? FamilyRosterRow.parse(fields, source: .civilAffairs).get()) == nil, "civil affairs keeps three lists: the row must say which")
        fields[.category] = "视力残疾二级"
        #expect(try FamilyRosterRow.parse(fields, source: .disability).get().detail == "视力残疾二级")
        fields[.idNumber] = "510123201503010012"
        fields[.township] = "51012"
        if case .failure(let problems) = FamilyRosterRow.parse(fields, source: .disability) {
            #expect(Set(problems.problems.map(\.field)) == ["身份证件号", "乡镇区划代码"])
        } else {
            Issue.record("a bad ID number and township should be refused")
        }
        #expect(FamilyRosterField(header: "公民身份号码") == .idNumber && FamilyRosterField(header: "救助类别") == .category && FamilyRosterField(header: "户主") == .householder)

        let harness = try SubsidyHarness()
        let report = try harness.database.write { db in
            let started = try harness.store.rosters.begin(db, FamilyRosterStart(source: .poverty, listedOn: harness.today), actor: SubsidyHarness.county, today: harness.today)
            let wrong = FamilyRosterRow(idNumber: try IDNumber(validating: SubsidyHarness.idNumber(1)), name: "x", category: .subsistence, township: "510123101")
            return try harness.store.rosters.stage(db, FamilyRosterBatch(importID: started.id, rows: [NumberedRow(row: 7, record: wrong)]))
        }
        #expect(report.rejected.map(\.row) == [7] && report.rejected.first?.column == "类别")
    }

    /// A school-age child on a list whom no school holds is published to the cross-check, and
    /// withdrawn once a school registers them.
    @Test func childrenNoSchoolHoldsArePublishedAndWithdrawn() throws {
        let harness = try SubsidyHarness()
        try harness.enrol(1, grade: 5)
        // 2: a school-age child nobody registered; 3: an adult of the household (born 1985).
        let adult = RosterFixtures.idNumber(birth: "19850301", sequence: 3)
        let imported = try harness.database.write { db in
            let started = try harness.store.rosters.begin(db, FamilyRosterStart(source: .poverty, listedOn: harness.today), actor: SubsidyHarness.county, today: harness.today)
            let rows = try [SubsidyHarness.idNumber(1), SubsidyHarness.idNumber(2), adult].enumerated().map { index, id in
                NumberedRow(row: index + 2, record: FamilyRosterRow(idNumber: try IDNumber(validating: id), name: "成员\(index)", category: .registeredPoor, township: RosterFixtures.township))
            }
            _ = try harness.store.rosters.stage(db, FamilyRosterBatch(importID: started.id, rows: rows))
            return try harness.store.rosters.finish(db, FamilyRosterFinish(importID: started.id, complete: true), today: harness.today)
        }
        #expect(imported.matched == 1 && imported.unmatched == 2 && imported.unmatchedSchoolAge == 1)
        let published = try harness.events(SubsidyMessage.Event.unmatched, as: UnlistedChildEvent.self)
        #expect(published.map(\.idNumber) == [SubsidyHarness.idNumber(2)] && published.first?.listed == true && published.first?.categories == [.registeredPoor])
        let unmatched = try harness.database.read { db in try harness.store.rosters.unmatched(db, UnmatchedQuery(), today: harness.today) }
        #expect(unmatched.count == 2 && unmatched.first?.schoolAge == true && unmatched.allSatisfy { $0.idNumber.contains("********") })

        // A school registers the child: the next reconciliation withdraws them.
        try harness.enrol(2, grade: 5)
        try harness.database.write { db in try harness.store.rosters.reconcileUnlisted(db, today: harness.today) }
        let after = try harness.events(SubsidyMessage.Event.unmatched, as: UnlistedChildEvent.self)
        #expect(after.count == 2 && after.last?.listed == false && after.last?.idNumber == SubsidyHarness.idNumber(2))
        // Reconciling again publishes nothing.
        try harness.database.write { db in try harness.store.rosters.reconcileUnlisted(db, today: harness.today) }
        #expect(try harness.events(SubsidyMessage.Event.unmatched, as: UnlistedChildEvent.self).count == 2)
    }
}
