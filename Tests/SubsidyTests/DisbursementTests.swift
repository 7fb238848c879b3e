import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Subsidy

/// Batches in-process: one payment per child, program and term whatever is run again or at once;
/// who is left out and why; a child who moved is paid once, by the school holding them.
@Suite struct DisbursementTests {
    static let autumn = Term(year: 2026, season: .autumn)
    static let program = "compulsory-primary-day"

    /// Children 1–N in grade 3 (day pupils), all on the 低保 list.
    static func harness(children: Int) throws -> (SubsidyHarness, [Student]) {
        let harness = try SubsidyHarness()
        let students = try (1...children).map { try harness.enrol($0, grade: 3) }
        try harness.roster(.civilAffairs, (1...children).map { ($0, .subsistence) }, on: CivilDate(parsing: "2026-09-01"))
        return (harness, students)
    }

    @Test func aBatchPaysEveryEligibleChildOnceWithTheSplit() throws {
        let (harness, _) = try Self.harness(children: 250)
        let report = try harness.batch(Self.program)
        #expect(report.paid == 250 && report.alreadyPaid == 0 && report.excluded == 0 && report.state == .done)
        #expect(report.amountFen == 250 * 25_000)
        #expect(report.split == FundingSplit(central: 250 * 12_500, provincial: 250 * 7_500, county: 250 * 5_000))
        let payments = try harness.payments()
        #expect(payments.count == 250 && Set(payments.map(\.student)).count == 250)
        #expect(payments.allSatisfy { $0.state == .pending && $0.amountFen == 25_000 && $0.attempt == 1 && $0.term == Self.autumn })
        #expect(!payments.contains { $0.student.contains(RosterFixtures.idNumber(birth: "20150301", sequence: 1).dropFirst(6).prefix(8)) }, "masked")
    }

    @Test func aBatchRunAgainPaysNoOne() throws {
        let (harness, _) = try Self.harness(children: 120)
        _ = try harness.batch(Self.program)
        let again = try harness.batch(Self.program)
        #expect(again.paid == 0 && again.alreadyPaid == 120)
        // The same request id finds the same batch.
        let id = try harness.begin(Self.program, requestID: "same")
        #expect(try harness.begin(Self.program, requestID: "same") == id)
        #expect(try harness.payments().count == 120)
    }

    /// A batch that walks again over children it paid itself (one left running by a version that
    /// walked in another order starts over) passes over them: paid once, not counted as already
    /// paid by someone else.
    @Test func aBatchWalkingAgainOverItsOwnPaymentsCountsThemOnce() throws {
        let (harness, _) = try Self.harness(children: 250)
        let id = try harness.begin(Self.program)
        #expect(try harness.database.write { db in try harness.store.batches.work(db, batch: id) })
        try harness.database.write { db in try db.execute(sql: "UPDATE batch SET after_student = '' WHERE id = ?", arguments: [id]) }
        while try harness.database.write({ db in try harness.store.batches.work(db, batch: id) }) {}
        let report = try harness.finish(id)
        #expect(report.paid == 250 && report.alreadyPaid == 0)
        #expect(try harness.payments().count == 250)
    }

    /// Two batches at once, their slices interleaved as two writers' transactions are: every
    /// child paid once, by one of them.
    @Test func twoBatchesAtOncePayNoOneTwice() throws {
        let (harness, _) = try Self.harness(children: 450)
        let first = try harness.begin(Self.program), second = try harness.begin(Self.program, township: RosterFixtures.township)
        var more = [first: true, second: true]
        var round = 0
        while more.values.contains(true) {
            // Whichever commits its slice first pays it; they take turns at being first.
            for id in round % 2 == 0 ? [second, first] : [first, second] where more[id] == true {
                more[id] = try harness.database.write { db in try harness.store.batches.work(db, batch: id) }
            }
            round += 1
        }
        let a = try harness.finish(first), b = try harness.finish(second)
        #expect(a.paid + b.paid == 450)
        #expect(a.alreadyPaid + b.alreadyPaid == 450)
        #expect(a.paid > 0 && b.paid > 0)
        #expect(try harness.payments().count == 450)
    }

    /// The database, not only the code, refuses a second live payment, a settled payment turned
    /// back, an amount changed, and a deleted payment.
    @Test func theDatabaseRefusesADoublePayment() throws {
        let (harness, _) = try Self.harness(children: 1)
        _ = try harness.batch(Self.program)
        let id = try #require(try harness.payments().first?.id)
        func refused(_ sql: String) -> Bool {
            do { try harness.database.write { try $0.execute(sql: sql) } } catch let error as DatabaseError { return error.resultCode == .SQLITE_CONSTRAINT } catch { return false }
            return false
        }
        // A second payment of the same child, program and term (any batch, any attempt number).
        #expect(refused("INSERT INTO payment (student, program, term, attempt, batch_id, township, school, grade, stage, amount, central, provincial, county, state, recorded_at) SELECT student, program, term, 2, batch_id, township, school, grade, stage, amount, central, provincial, county, 'pending', recorded_at FROM payment WHERE id = \(id)"))
        #expect(refused("INSERT INTO payment (student, program, term, attempt, batch_id, township, school, grade, stage, amount, central, provincial, county, state, recorded_at) SELECT student, program, term, 1, batch_id, township, school, grade, stage, amount, central, provincial, county, 'paid', recorded_at FROM payment WHERE id = \(id)"))
        #expect(refused("UPDATE payment SET amount = amount * 2, central = central * 2, provincial = provincial * 2, county = county * 2 WHERE id = \(id)"))
        #expect(refused("DELETE FROM payment WHERE id = \(id)"))
        #expect(refused("UPDATE payment SET central = central + 1 WHERE id = \(id)"))
        try harness.database.write { try $0.execute(sql: "UPDATE payment SET state = 'paid' WHERE id = \(id)") }
        #expect(refused("UPDATE payment SET state = 'failed' WHERE id = \(id)"))
        #expect(refused("UPDATE payment SET state = 'pending' WHERE id = \(id)"))
        // A reissue of a payment that has not failed.
        #expect(refused("INSERT INTO payment (student, program, term, attempt, batch_id, township, school, grade, stage, amount, central, provincial, county, state, reissue_of, recorded_at) SELECT student, program, term, 2, batch_id, township, school, grade, stage, amount, central, provincial, county, 'pending', id, recorded_at FROM payment WHERE id = \(id)"))
        #expect(try harness.payments().count == 1)
    }

    /// Children whose school career ended before the batch date are left out and listed with the
    /// reason; one transferred out is paid by the school that receives them, one suspended when
    /// they resume.
    @Test func exclusionsSayWhy() throws {
        let (harness, students) = try Self.harness(children: 8)
        let september = CivilDate(parsing: "2026-09-20")!
        try harness.change(students[0], .dropOut, to: .droppedOut, on: september)
        try harness.change(students[1], .transferOut, to: .leftCounty, on: september)
        try harness.change(students[2], .death, to: .deceased, on: september)
        try harness.change(students[3], .graduate, to: .graduated, on: september)
        try harness.change(students[4], .transferOut, to: .transferredOut, on: september)
        try harness.change(students[5], .suspend, to: .suspended, on: september)
        // Dropped out after the batch date: paid, since the batch judges its own date.
        try harness.change(students[6], .dropOut, to: .droppedOut, on: CivilDate(parsing: "2026-10-10")!)
        let planned = try harness.dryRun(Self.program, date: CivilDate(parsing: "2026-10-01"))
        let report = try harness.batch(Self.program, date: CivilDate(parsing: "2026-10-01"))
        #expect(report.paid == 2 && report.excluded == 6)
        // The dry run said the same, and named the same children for the same reasons.
        #expect(planned.paid == report.paid && planned.excluded == report.excluded && planned.alreadyPaid == 0)
        let plannedReasons: [String: ExclusionReason] = Dictionary(uniqueKeysWithValues: planned.exclusions.map { ($0.name, $0.reason) })
        #expect(plannedReasons == Dictionary(uniqueKeysWithValues: report.exclusions.map { ($0.name, $0.reason) }))
        let reasons = Dictionary(uniqueKeysWithValues: report.exclusions.map { ($0.name, $0.reason) })
        #expect(reasons == ["学生1": .droppedOut, "学生2": .leftCounty, "学生3": .deceased, "学生4": .graduated, "学生5": .transferredOut, "学生6": .suspended])
        #expect(report.exclusions.allSatisfy { $0.since == september })
        #expect(report.exclusions.allSatisfy { $0.student.contains("********") })
    }

    /// A child who moved within the county is paid once, by the school that held them on the
    /// batch date, whichever school's batch runs first.
    @Test func aChildWhoMovedIsPaidOnceByTheSchoolHoldingThem() throws {
        let (harness, students) = try Self.harness(children: 3)
        let out = try harness.change(students[0], .transferOut, to: .transferredOut, on: CivilDate(parsing: "2026-09-10")!)
        try harness.change(out, .transferIn, to: .enrolled, on: CivilDate(parsing: "2026-09-20")!, toSchool: RosterFixtures.otherSchool)
        // Dated before the move, the old school's batch pays the child; the new school's, dated
        // after it, finds the child paid.
        let old = try harness.batch(Self.program, school: RosterFixtures.school, date: CivilDate(parsing: "2026-09-01"))
        #expect(old.paid == 3)
        let plannedNew = try harness.dryRun(Self.program, school: RosterFixtures.otherSchool, date: CivilDate(parsing: "2026-10-01"))
        #expect(plannedNew.paid == 0 && plannedNew.alreadyPaid == 1)
        let new = try harness.batch(Self.program, school: RosterFixtures.otherSchool, date: CivilDate(parsing: "2026-10-01"))
        #expect(new.paid == 0 && new.alreadyPaid == 1)
        let moved = try harness.payments(PaymentQuery(student: students[0].record.studentNumber.value))
        #expect(moved.count == 1 && moved.first?.school == RosterFixtures.school)

        // Dated after the move: the old school's batch does not pay them, the new school's does.
        let later = try SubsidyHarness.moved()
        let plannedOld = try later.dryRun(Self.program, school: RosterFixtures.school)
        #expect(plannedOld.paid == 0 && plannedOld.excluded == 0)
        let oldLater = try later.batch(Self.program, school: RosterFixtures.school)
        #expect(oldLater.paid == 0 && oldLater.excluded == 0)
        let newLater = try later.batch(Self.program, school: RosterFixtures.otherSchool)
        #expect(newLater.paid == 1)
        #expect(try later.payments().first?.township == RosterFixtures.otherTownship)
    }

    @Test func aBatchDateMustBeInTheTermAndNotAhead() throws {
        let (harness, _) = try Self.harness(children: 1)
        #expect(errorCode { _ = try harness.begin(Self.program, date: CivilDate(parsing: "2026-10-16")) } == "subsidy.badDate")
        #expect(errorCode { _ = try harness.begin(Self.program, date: CivilDate(parsing: "2026-07-31")) } == "subsidy.badDate")
        #expect(errorCode { _ = try harness.begin("no-such-program") } == "subsidy.unknownProgram")
        #expect(errorCode { _ = try harness.begin(Self.program, school: "2510123999") } == "subsidy.invalid")
        #expect(errorCode { _ = try harness.begin(Self.program, term: Term(year: 2027, season: .spring)) } == "subsidy.badDate")
        // Spring 2026, run in the autumn: judged on the term's last day.
        #expect(try harness.batch(Self.program, term: Term(year: 2026, season: .spring)).paid == 0)
    }
}

extension SubsidyHarness {
    /// One 低保 pupil who moved from the fixture school to the other one in September.
    static func moved() throws -> SubsidyHarness {
        let harness = try SubsidyHarness()
        let child = try harness.enrol(1, grade: 3)
        try harness.roster(.civilAffairs, [(1, .subsistence)], on: CivilDate(parsing: "2026-09-01"))
        let out = try harness.change(child, .transferOut, to: .transferredOut, on: CivilDate(parsing: "2026-09-10")!)
        try harness.change(out, .transferIn, to: .enrolled, on: CivilDate(parsing: "2026-09-20")!, toSchool: RosterFixtures.otherSchool)
        return harness
    }
}
