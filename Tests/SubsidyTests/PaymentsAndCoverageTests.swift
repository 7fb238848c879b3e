import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Subsidy

/// The bank's results, reissues, "不漏一人" and its alerts, and the year's totals.
@Suite struct PaymentsAndCoverageTests {
    static let autumn = Term(year: 2026, season: .autumn)
    static let program = "compulsory-junior-boarder"

    static func harness(children: Int) throws -> SubsidyHarness {
        let harness = try SubsidyHarness()
        for sequence in 1...children { try harness.enrol(sequence, grade: 8, boarding: true) }
        try harness.roster(.poverty, (1...children).map { ($0, .registeredPoor) }, on: CivilDate(parsing: "2026-09-01"))
        return harness
    }

    /// The bank's results applied as the service applies them: then the alerts of what changed.
    func bank(_ harness: SubsidyHarness, _ rows: [BankResultRow]) throws -> ImportReport {
        try harness.database.write { db in
            let (report, touched) = try harness.store.payments.applyBankResults(db, ImportBatch(rows: rows.enumerated().map { NumberedRow(row: $0 + 2, record: $1) }), today: harness.today)
            try harness.store.coverage.reconcileAlerts(db, pairs: touched)
            return report
        }
    }

    func coverage(_ harness: SubsidyHarness, township: String? = nil) throws -> CoverageReport {
        try harness.database.read { db in try harness.store.coverage.report(db, CoverageQuery(term: Self.autumn, program: Self.program, township: township, limit: 1_000)) }
    }

    @Test func bankResultsSettlePaymentsAndAFailureIsReissuedOnce() throws {
        let harness = try Self.harness(children: 3)
        _ = try harness.batch(Self.program)
        let ids = try harness.payments().map(\.id).sorted()
        let report = try bank(harness, [
            BankResultRow(payment: ids[0], idNumber: try IDNumber(validating: SubsidyHarness.idNumber(1)), amountFen: 62_500, outcome: .paid),
            BankResultRow(payment: ids[1], outcome: .failed, reason: "账号已销户"),
            BankResultRow(payment: 999, outcome: .paid),
            BankResultRow(payment: ids[2], amountFen: 60_000, outcome: .paid),
            BankResultRow(payment: ids[2], idNumber: try IDNumber(validating: SubsidyHarness.idNumber(1)), outcome: .paid),
        ])
        #expect(report.updated == 2 && report.rejected.map(\.row) == [4, 5, 6])
        #expect(report.rejected.map(\.column) == ["支付编号", "金额", "身份证件号"])
        // The same file again: unchanged; a contradiction of a settled payment: refused.
        let again = try bank(harness, [BankResultRow(payment: ids[0], outcome: .paid), BankResultRow(payment: ids[0], outcome: .failed, reason: "x")])
        #expect(again.unchanged == 1 && again.rejected.count == 1)
        #expect(try harness.events(SubsidyMessage.Event.paid, as: Payment.self).map(\.id) == [ids[0]])

        // The failure raised an alert on the child's township.
        #expect(try harness.alerts().map(\.rule) == [.subsidyPaymentFailed])
        #expect(try coverage(harness).failed == 1)

        // Reissued once corrected: a new payment naming the failed one; never twice.
        let reissue = PaymentReissue(id: ids[1], note: "已更正银行卡号")
        let reissued = try harness.database.write { db in try harness.store.payments.reissue(db, reissue, actor: SubsidyHarness.county) }
        #expect(reissued.reissueOf == ids[1] && reissued.attempt == 2 && reissued.state == .pending && reissued.amountFen == 62_500)
        #expect(errorCode { _ = try harness.database.write { db in try harness.store.payments.reissue(db, reissue, actor: SubsidyHarness.county) } } == "subsidy.notReissuable")
        #expect(errorCode { _ = try harness.database.write { db in try harness.store.payments.reissue(db, PaymentReissue(id: ids[0], note: "x"), actor: SubsidyHarness.county) } } == "subsidy.notReissuable")
        #expect(errorCode { _ = try harness.database.write { db in try harness.store.payments.reissue(db, PaymentReissue(id: ids[1], note: " "), actor: SubsidyHarness.county) } } == "subsidy.invalid")
        // The reissue fails too, and is reissued again: still one live payment at a time.
        _ = try bank(harness, [BankResultRow(payment: reissued.id, outcome: .failed, reason: "户名不符")])
        let third = try harness.database.write { db in try harness.store.payments.reissue(db, PaymentReissue(id: reissued.id, note: "已更正户名"), actor: SubsidyHarness.county) }
        #expect(third.attempt == 3)
        _ = try bank(harness, [BankResultRow(payment: third.id, outcome: .paid), BankResultRow(payment: ids[2], outcome: .paid)])
        try harness.database.write { db in try harness.store.coverage.reconcileAlerts(db, pairs: [ProgramTerm(program: Self.program, term: Self.autumn.code)]) }
        #expect(try harness.alerts().isEmpty)
        #expect(try harness.alerts(AlertQuery(state: .resolved, limit: 100)).first?.resolution?.contains("已发放") == true)
        let covered = try coverage(harness)
        #expect(covered.eligible == 3 && covered.covered == 3 && covered.gaps.isEmpty)
        let paid = try harness.payments(PaymentQuery(state: .paid, limit: 100))
        #expect(paid.count == 3 && Set(paid.map(\.student)).count == 3)
    }

    /// Every eligible child is paid, or has a stated reason; a child a batch missed is an alert on
    /// their township until they are paid.
    @Test func aChildABatchMissedIsAnAlertUntilPaid() throws {
        let harness = try Self.harness(children: 4)
        let before = try coverage(harness)
        #expect(before.awaitingBatch == 4 && before.unpaid == 0, "no batch yet: nothing to alert")
        _ = try harness.batch(Self.program)
        // Child 5 joins the list after the batch: 应助未助.
        try harness.enrol(5, grade: 8, boarding: true, school: RosterFixtures.otherSchool)
        try harness.roster(.poverty, (1...5).map { ($0, .registeredPoor) }, on: CivilDate(parsing: "2026-10-10"))
        let pairs = try harness.database.read { db in try harness.store.coverage.pairsToWatch(db, today: harness.today) }
        #expect(pairs == [ProgramTerm(program: Self.program, term: Self.autumn.code)])
        try harness.database.write { db in try harness.store.coverage.reconcileAlerts(db, pairs: pairs) }
        let alerts = try harness.alerts()
        #expect(alerts.count == 1 && alerts.first?.rule == .subsidyUnpaid && alerts.first?.township == RosterFixtures.otherTownship)
        #expect(alerts.first?.text.contains("应助未助") == true && alerts.first?.student.contains("********") == true)
        let published = try harness.events(SubsidyMessage.Event.alert, as: Alert.self)
        #expect(published.map(\.id) == [alerts[0].id])
        // Reconciling again raises nothing new.
        try harness.database.write { db in try harness.store.coverage.reconcileAlerts(db, pairs: pairs) }
        #expect(try harness.events(SubsidyMessage.Event.alert, as: Alert.self).count == 1)
        let gap = try coverage(harness)
        #expect(gap.eligible == 5 && gap.covered == 4 && gap.unpaid == 1 && gap.gaps.first?.kind == .unpaid)
        #expect(gap.townships.first { $0.township == RosterFixtures.otherTownship }?.perMille == 0)
        #expect(gap.townships.first { $0.township == RosterFixtures.township }?.perMille == 1000)
        #expect(try coverage(harness, township: RosterFixtures.township).gaps.isEmpty, "scoped to one township")

        // A batch for the child's school pays them and resolves the alert.
        let catchUp = try harness.batch(Self.program, school: RosterFixtures.otherSchool)
        #expect(catchUp.paid == 1)
        #expect(try harness.alerts().isEmpty && (try coverage(harness)).gaps.isEmpty)
        #expect(try harness.events(SubsidyMessage.Event.alert, as: Alert.self).last?.state == .resolved)
    }

    /// A child out of school is a stated reason, not an alert.
    @Test func aChildOutOfSchoolIsAStatedReason() throws {
        let harness = try Self.harness(children: 2)
        let students = try harness.database.read { db in try Row.fetchAll(db, sql: "SELECT number FROM student ORDER BY id") }
        #expect(students.count == 2)
        let dropped = try harness.enrol(3, grade: 8, boarding: true)
        try harness.roster(.poverty, (1...3).map { ($0, .registeredPoor) }, on: CivilDate(parsing: "2026-09-02"))
        try harness.change(dropped, .dropOut, to: .droppedOut, on: CivilDate(parsing: "2026-09-30")!)
        let report = try harness.batch(Self.program)
        #expect(report.paid == 2 && report.excluded == 1)
        let covered = try coverage(harness)
        #expect(covered.excluded == 1 && covered.unpaid == 0 && covered.gaps.first?.reason == "已辍学")
        #expect(try harness.alerts().isEmpty)
    }

    /// The year's totals are the credited payments of its two terms, to the fen.
    @Test func totalsEqualTheCreditedPayments() throws {
        let harness = try Self.harness(children: 7)
        try harness.enrol(8, grade: 11)
        try harness.enrol(9, grade: -1)
        try harness.roster(.disability, [(8, .disability), (9, .disability)], on: CivilDate(parsing: "2026-09-01"))
        for program in [Self.program, "highschool-grant", "preschool-aid"] { _ = try harness.batch(program) }
        let payments = try harness.payments()
        #expect(payments.count == 9)
        // All but the first credited.
        _ = try bank(harness, payments.dropLast().map { BankResultRow(payment: $0.id, outcome: .paid) })
        let totals = try harness.database.read { db in try harness.store.totals.totals(db, TotalsQuery(year: 2026)) }
        let credited = try harness.payments(PaymentQuery(state: .paid, limit: 100))
        #expect(totals.personTimes == 8 && totals.personTimes == credited.count)
        #expect(totals.amountFen == credited.reduce(0) { $0 + $1.amountFen })
        #expect(totals.split.county == credited.reduce(0) { $0 + $1.split.county })
        #expect(totals.pendingPersonTimes == 1 && totals.pendingFen == payments.last!.amountFen)
        #expect(totals.byProgram.reduce(0) { $0 + $1.amountFen } == totals.amountFen)
        #expect(totals.byStage.reduce(0) { $0 + $1.amountFen } == totals.amountFen)
        #expect(totals.byTownship.reduce(0) { $0 + $1.personTimes } == totals.personTimes)
        #expect(Set(totals.byStage.map(\.key)) == ["compulsory", "highSchool", "preschool"])
        #expect(try harness.database.read { db in try harness.store.totals.totals(db, TotalsQuery(year: 2025)) }.personTimes == 0)
    }
}
