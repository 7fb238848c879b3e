import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Care

/// The ledger over a real SQLite file: recording, moving on and off with a dated reason, the
/// import's row-level refusals, and the reconciliation with the registry's flag.
@Suite struct LedgerTests {
    @Test func aQualifyingChildEntersOnTheRegistrationDate() throws {
        let care = try CareHarness()
        try care.add(1)
        let entry = try care.record(CareHarness.entry(1, enteredOn: CivilDate(parsing: "2026-10-20")!))
        #expect(entry.state == .active)
        #expect(entry.reasons == [.bothParentsAway])
        #expect(entry.enteredOn == CivilDate(parsing: "2026-10-20")!)
        #expect(entry.student == Masking.studentNumber(CareHarness.number(1)))
        #expect(entry.guardian.phone == "13800001111")
        let listed = try care.read { db, store, today in try store.ledger.list(db, LedgerQuery(), today: today) }
        #expect(listed.map(\.id) == [entry.id])
        #expect(listed[0].guardian.phone == "138****1111" && listed[0].masked)
    }

    @Test func aParentComingHomeTakesTheChildOffWithTheReasonAndDateAndHistoryIsKept() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1, enteredOn: CivilDate(parsing: "2026-09-01")!))
        let teacher = try care.register("王老师")
        try care.assign(1, to: teacher.id)
        care.advance(days: 10)
        let left = try care.record(CareHarness.entry(1, mother: ParentRecord(situation: .home)))
        #expect(left.state == .inactive)
        #expect(left.reasons == [.parentCaring])
        #expect(left.leftOn == care.today)
        #expect(left.surrogate == nil)
        let record = try care.read { db, store, today in try store.record(db, child: try ChildRow.fetch(db, number: CareHarness.number(1))!, today: today) }
        #expect(record.history.map(\.kind) == [.entered, .left])
        #expect(record.history.map(\.date) == [CivilDate(parsing: "2026-09-01")!, care.today])
        #expect(record.assignments.first?.endReason?.contains("一方在家且有监护能力") == true)
        // Going away again puts the child back, entering on the new registration date.
        care.advance(days: 5)
        let back = try care.record(CareHarness.entry(1, enteredOn: care.today))
        #expect(back.state == .active && back.enteredOn == care.today && back.leftOn == nil)
        let history = try care.read { db, store, _ in try store.ledger.history(db, number: CareHarness.number(1)) }
        #expect(history.map(\.kind) == [.entered, .left, .entered])
    }

    @Test func recordingTheSameSituationTwiceChangesNothing() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1))
        let again = try care.write { db, store, today in
            try store.ledger.record(db, CareHarness.entry(1), child: try ChildRow.fetch(db, number: CareHarness.number(1))!, actor: CareHarness.county, today: today)
        }
        #expect(again == .unchanged)
        #expect(try care.read { db, store, _ in try store.ledger.history(db, number: CareHarness.number(1)) }.count == 1)
    }

    @Test func turningSixteenLeavesTheLedgerOnTheBirthday() throws {
        let care = try CareHarness(today: CivilDate(parsing: "2026-11-02")!)
        try care.add(1, birth: CivilDate(parsing: "2010-11-05")!)
        let key = RosterFixtures.idNumber(birth: "20101105", sequence: 1)
        #expect(try care.record(CareHarness.entry(1, key: key)).state == .active)
        care.advance(days: 10)  // the sweep did not run for a week: the date is still the birthday
        let report = try care.sweep()
        #expect(report.left == 1)
        let entry = try #require(try care.read { db, store, today in try store.ledger.entry(db, number: "G" + key, today: today) })
        #expect(entry.state == .inactive && entry.reasons == [.aged16])
        #expect(entry.leftOn == CivilDate(parsing: "2026-11-05")!)
        // Beside a masked number the birthday would give the ID number back: masked views leave
        // it out, in the entry and in the ledger export.
        #expect(entry.maskedCopy.leftOn == nil)
        let exported = try care.read { db, store, today in try store.ledger.export(db, LedgerQuery(), today: today) }
        #expect(!exported.rows.flatMap { $0 }.contains { $0.contains("2026-11-05") }, "\(exported.rows)")
    }

    @Test func leavingTheCountyLeavesTheLedgerOnTheDayOfTheChange() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1))
        let student = try care.student(1, status: .leftCounty, revision: 2)
        let change = StatusChange(id: 1, studentNumber: CareHarness.number(1), kind: .transferOut, from: .enrolled, to: .leftCounty, date: CivilDate(parsing: "2026-10-30")!, documents: [], missingDocuments: [], reason: nil, fromSchool: nil, toSchool: nil, expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "op")
        try care.send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: student))
        let entry = try #require(try care.entry(1))
        #expect(entry.state == .inactive && entry.reasons == [.leftCounty] && entry.leftOn == CivilDate(parsing: "2026-10-30")!)
        // A replayed older event changes nothing.
        try care.send(RegistryMessage.Event.studentAdded, try care.student(1))
        #expect(try care.entry(1)?.state == .inactive)
    }

    @Test func refusedFieldsNameThemAndWriteNothing() throws {
        let care = try CareHarness()
        try care.add(1)
        let code = errorCode { try care.record(CareHarness.entry(1, father: ParentRecord(situation: .away), mother: ParentRecord(situation: .unable))) }
        #expect(code == ErrorCode.careInvalid.rawValue)
        do {
            try care.record(CareHarness.entry(1, father: ParentRecord(situation: .away), mother: ParentRecord(situation: .unable)))
        } catch let error as ServiceError {
            #expect(Set(error.problems?.map(\.field) ?? []) == ["father.place", "mother.reason"])
        }
        #expect(try care.entry(1) == nil)
        #expect(errorCode { try care.record(CareHarness.entry(9)) } == ErrorCode.careChildNotFound.rawValue)
        let township = Actor(user: "t", role: "township-staff", township: RosterFixtures.otherTownship, via: "test")
        #expect(errorCode { try care.record(CareHarness.entry(1), actor: township) } == ErrorCode.scopeForbidden.rawValue)
    }

    @Test func anImportRejectsRowsAloneWithTheirColumns() throws {
        let care = try CareHarness()
        try care.add(1)
        try care.add(2)
        func row(_ n: Int, name: String, fatherPlace: String = "广东") -> [LedgerField: String] {
            [.name: name, .idNumber: CareHarness.key(n), .fatherSituation: "外出务工", .fatherPlace: fatherPlace, .motherSituation: "无监护能力", .motherReason: "重病",
             .guardianName: "王秀英", .guardianRelation: "祖父母", .guardianAge: "68岁", .enteredOn: "20261020"]
        }
        var parsed: [NumberedRow<LedgerImportRow>] = []
        for (index, fields) in [row(1, name: "学生1"), row(2, name: "张冠李戴"), row(7, name: "学生7")].enumerated() {
            parsed.append(NumberedRow(row: index + 1, record: try LedgerImportRow.parse(fields).get()))
        }
        let rows = parsed
        let report = try care.write { db, store, today in try store.ledger.importBatch(db, ImportBatch(rows: rows), actor: CareHarness.county, today: today) }
        #expect(report.imported == 1)
        #expect(report.rejected.map(\.row) == [2, 3])
        #expect(report.rejected.map(\.column) == ["姓名", "身份证件号"])
        #expect(try care.entry(1)?.reasons == [.oneAwayOtherUnable])
        #expect(try care.entry(1)?.guardian.age == 68)
        // A row that does not parse names its column before anything is sent.
        guard case .failure(let problems) = LedgerImportRow.parse(row(1, name: "学生1", fatherPlace: "")) else { Issue.record("accepted"); return }
        #expect(problems.problems.map(\.field) == ["父亲务工地"])
        // Re-importing the same rows changes nothing.
        let again = try care.write { db, store, today in try store.ledger.importBatch(db, ImportBatch(rows: Array(rows.prefix(1))), actor: CareHarness.county, today: today) }
        #expect(again.unchanged == 1 && again.imported == 0)
        let township = Actor(user: "t", role: "township-staff", township: RosterFixtures.township, via: "test")
        #expect(errorCode { _ = try care.write { db, store, today in try store.ledger.importBatch(db, ImportBatch(rows: rows), actor: township, today: today) } } == ErrorCode.scopeForbidden.rawValue)
    }

    @Test func flaggedChildrenWhoDoNotQualifySayWhy() throws {
        let care = try CareHarness()
        try care.add(1, leftBehind: .oneParent)
        try care.add(2, household: .urban, leftBehind: .bothParents)
        try care.add(3, leftBehind: .bothParents)
        try care.add(4, leftBehind: .no)
        try care.record(CareHarness.entry(1, mother: ParentRecord(situation: .home)))
        try care.record(CareHarness.entry(3))
        let flagged = try care.read { db, store, today in try store.ledger.flagged(db, CareScopeQuery(), today: today) }
        #expect(flagged.map(\.studentName) == ["学生1", "学生2"])
        #expect(flagged[0].reasons == [.parentCaring])
        #expect(flagged[1].reasons == [.notRural, .notRecorded])
        let table = try care.read { db, store, today in try store.ledger.export(db, LedgerQuery(), today: today) }
        #expect(table.rows.count == 1 && table.rows[0].contains("学生3"))
        #expect(!table.rows[0].joined().contains("13800001111"))
    }
}
