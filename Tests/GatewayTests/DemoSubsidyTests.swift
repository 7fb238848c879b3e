import BaoxueContracts
import BaoxueDemo
import Foundation
import Testing

@testable import Gateway

/// The "done when" on a demo county: after the demo's one batch per program, the coverage
/// list holds only children with a stated reason, the year's totals equal the credited payments
/// to the fen, and the poor children no school holds are cross-check suspects.
@Suite struct DemoSubsidyTests {
    @Test func oneBatchPerProgramLeavesOnlyStatedGapsAndTotalsMatchThePayments() async throws {
        let services = try await InProcessServices()
        let operations = services.operations
        let today = Timestamp.todayInChina()
        let county = DemoCounty.generate(students: 600, seed: 1, today: today)
        _ = try await DemoLoader.load(county, into: operations)
        let actor = Actor.localOperator()
        let term = Term(containing: today)

        let coverage = try await operations.subsidy.coverage(CoverageQuery(term: term, limit: 1_000), actor: actor)
        #expect(coverage.eligible > 50 && coverage.covered > 0)
        #expect(coverage.unpaid == 0 && coverage.failed == 0 && coverage.awaitingBatch == 0, "\(coverage.unpaid) unpaid, \(coverage.failed) failed, \(coverage.awaitingBatch) awaiting")
        #expect(coverage.gaps.allSatisfy { $0.kind == .excluded && $0.reason != nil }, "\(coverage.gaps.filter { $0.kind != .excluded })")
        #expect(coverage.covered + coverage.excluded == coverage.eligible)

        let payments = try await operations.subsidy.payments(PaymentQuery(term: term, limit: 1_000), actor: actor)
        #expect(payments.count == coverage.covered && payments.allSatisfy { $0.state == .paid })
        let totals = try await operations.subsidy.totals(TotalsQuery(year: term.year), actor: actor)
        let termFen = payments.reduce(Int64(0)) { $0 + $1.amountFen }
        let termCounty = payments.reduce(Int64(0)) { $0 + $1.split.county }
        // The year holds this term's payments (and, in an autumn, none of spring's: the demo pays
        // only the current term).
        #expect(totals.amountFen == termFen && totals.personTimes == payments.count && totals.split.county == termCounty)
        #expect(totals.byProgram.reduce(Int64(0)) { $0 + $1.amountFen } == termFen)
        #expect(totals.byTownship.reduce(Int64(0)) { $0 + $1.amountFen } == termFen)
        #expect(Set(payments.map(\.program)).count >= 4, "several programs paid: \(Set(payments.map(\.program)))")

        // Loading again changes nothing: no second payment.
        _ = try await DemoLoader.load(county, into: operations)
        #expect(try await operations.subsidy.payments(PaymentQuery(term: term, limit: 1_000), actor: actor).count == payments.count)

        let suspects = try await operations.crosscheck.suspects(SuspectQuery(reason: .familyListNotEnrolled, limit: 100), actor: actor)
        let rosters = try await operations.subsidy.rosters(FamilyRosterQuery(), actor: actor)
        let all = try await operations.crosscheck.suspects(SuspectQuery(limit: 100), actor: actor)
        #expect(suspects.count == 2 && suspects.allSatisfy(\.registeredPoor), "\(rosters.map { ($0.source, $0.unmatched, $0.unmatchedSchoolAge) }) \(all.map { ($0.studentName, $0.reasons) })")
        await services.stop()
    }
}
