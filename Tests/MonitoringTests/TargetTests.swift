import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Monitoring

/// Responsibility documents: recorded by county roles with every field checked, one current
/// document per party and year, read within scope, and scored from live data at the year's end.
@Suite struct TargetTests {
    static let township = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")
    static let otherSchool = Actor(user: "li", role: "school-staff", school: RosterFixtures.otherSchool, via: "test")
    static let viewer = Actor(user: "v", role: "viewer", via: "test")

    static func township(_ code: String = RosterFixtures.township, year: Int = 2026, maxDropouts: Int? = 0, rate: Double? = 100, maxOpenCases: Int? = 0, replace: Bool? = nil) -> AddTargetRequest {
        AddTargetRequest(year: year, township: code, maxDropouts: maxDropouts, minEnrolmentRate: rate, maxOpenCases: maxOpenCases, signedBy: ["李县长", "王镇长"], signedOn: MonitorHarness.date("\(year)-02-20"), replace: replace)
    }

    static func school(_ code: String, year: Int = 2026, maxDropouts: Int? = nil, rate: Double? = nil, maxOpenCases: Int? = nil) -> AddTargetRequest {
        AddTargetRequest(year: year, school: code, maxDropouts: maxDropouts, minEnrolmentRate: rate, maxOpenCases: maxOpenCases, signedBy: ["赵局长", "钱校长"], signedOn: MonitorHarness.date("\(year)-03-01"))
    }

    @Test func countyRolesRecordDocumentsAndEveryFieldIsChecked() throws {
        let monitor = try MonitorHarness()
        let recorded = try monitor.addTarget(Self.township())
        #expect(recorded.partyKind == .township && recorded.party == RosterFixtures.township && recorded.township == RosterFixtures.township)
        #expect(recorded.signedBy == ["李县长", "王镇长"] && recorded.recordedBy == "op" && recorded.replaces == nil)
        let school = try monitor.addTarget(AddTargetRequest(year: 2026, school: RosterFixtures.school, maxDropouts: 0, signedBy: [" 赵局长 ", "钱校长"], signedOn: MonitorHarness.date("2025-12-30"), note: "双线控辍"))
        #expect(school.partyName == "城关镇中心小学" && school.township == RosterFixtures.township && school.signedBy == ["赵局长", "钱校长"])

        #expect(errorCode { try monitor.addTarget(Self.township(RosterFixtures.otherTownship), actor: Self.township) } == "scope.forbidden")
        #expect(errorCode { try monitor.addTarget(Self.township(RosterFixtures.otherTownship), actor: Self.viewer) } == "scope.forbidden")

        // Each problem names its field, all at once.
        var bad = AddTargetRequest(year: 1999, township: RosterFixtures.township, school: RosterFixtures.school, minEnrolmentRate: 101, signedBy: ["李县长"], signedOn: MonitorHarness.date("2030-01-01"), note: "x\u{7}")
        #expect(errorCode { try monitor.addTarget(bad) } == "target.invalid")
        #expect(Set(errorFields { try monitor.addTarget(bad) }) == ["year", "township", "minEnrolmentRate", "signedBy", "note"])
        bad = AddTargetRequest(year: 2026, township: "51012310１", signedBy: ["李县长", ""], signedOn: MonitorHarness.date("2024-12-31"))
        #expect(Set(errorFields { try monitor.addTarget(bad) }) == ["township", "maxDropouts", "signedBy[1]", "signedOn"])
        bad = Self.township()
        bad.signedOn = monitor.today.adding(days: 2)
        #expect(errorFields { try monitor.addTarget(bad) } == ["signedOn"], "not signed in the future")
        bad = Self.township(year: 2028)
        #expect(errorFields { try monitor.addTarget(bad) } == ["year"], "at most next year")
        #expect(errorCode { try monitor.addTarget(Self.township("510123999")) } == "target.unknownParty")
        #expect(errorCode { try monitor.addTarget(Self.school("2510123999", maxDropouts: 0)) } == "target.unknownParty")

        // One current document per party and year: a second is refused, a replacement supersedes.
        #expect(errorCode { try monitor.addTarget(Self.township(rate: 99)) } == "target.exists")
        let replacement = try monitor.addTarget(Self.township(rate: 99, replace: true))
        #expect(replacement.replaces == recorded.id && replacement.minEnrolmentRate == 99)
        #expect(try monitor.targets().map(\.id) == [replacement.id, school.id], "the township's document, then its schools'")
        let kept = try monitor.database.read { db in try Int64.fetchOne(db, sql: "SELECT superseded_by FROM responsibility_target WHERE id = ?", arguments: [recorded.id]) }
        #expect(kept == replacement.id, "the superseded document stays on record")
        // Another year is another document.
        #expect(try monitor.addTarget(Self.township(year: 2025)).year == 2025)
        #expect(try monitor.targets(TargetQuery(year: 2025)).count == 1)
    }

    @Test func documentsAreReadWithinScope() throws {
        let monitor = try MonitorHarness()
        try monitor.addTarget(Self.township())
        try monitor.addTarget(Self.township(RosterFixtures.otherTownship))
        try monitor.addTarget(Self.school(RosterFixtures.school, maxDropouts: 0))
        try monitor.addTarget(Self.school(RosterFixtures.otherSchool, maxDropouts: 0))
        let own = try monitor.targets(actor: Self.township)
        #expect(own.map(\.party) == [RosterFixtures.township, RosterFixtures.school], "their township's document and its schools'")
        #expect(errorCode { _ = try monitor.targets(TargetQuery(township: RosterFixtures.otherTownship), actor: Self.township) } == "scope.forbidden")
        #expect(try monitor.targets(actor: Self.otherSchool).map(\.party) == [RosterFixtures.otherSchool])
        #expect(try monitor.targets(actor: Self.viewer).count == 4)
        #expect(try monitor.targets(TargetQuery(school: RosterFixtures.otherSchool)).map(\.party) == [RosterFixtures.otherSchool])
        #expect(errorCode { _ = try monitor.targets(TargetQuery(school: "25101230")) } == "target.invalid")
    }

    /// Given township A with children 1–4 and township B with 5–7, on 2026-11-02:
    /// 1 dropped out on 2026-03-10 and is still out; 2 dropped out on 2025-12-20 and returned on
    /// 2026-02-01; 5 transferred out and was not received; 6 graduated.
    static func county() throws -> MonitorHarness {
        let monitor = try MonitorHarness(today: MonitorHarness.date("2026-11-02"))
        for sequence in 1...4 { try monitor.add(sequence) }
        for sequence in 5...7 { try monitor.add(sequence, school: RosterFixtures.otherSchool) }
        try monitor.change(2, .dropOut, to: .droppedOut, from: .enrolled, on: "2025-12-20", reason: "厌学", revision: 2)
        try monitor.change(2, .return, to: .enrolled, from: .droppedOut, on: "2026-02-01", revision: 3)
        try monitor.change(1, .dropOut, to: .droppedOut, from: .enrolled, on: "2026-03-10", reason: "外出务工", revision: 2)
        try monitor.change(5, .transferOut, to: .transferredOut, from: .enrolled, on: "2026-10-30", school: RosterFixtures.otherSchool, revision: 2)
        try monitor.change(6, .graduate, to: .graduated, from: .enrolled, on: "2026-07-01", school: RosterFixtures.otherSchool, revision: 2)
        return monitor
    }

    @Test func eachTownshipAndSchoolIsScoredFromLiveData() throws {
        let monitor = try Self.county()
        try monitor.addTarget(Self.township())
        try monitor.addTarget(Self.township(RosterFixtures.otherTownship, rate: 50, maxOpenCases: nil))
        try monitor.addTarget(Self.school(RosterFixtures.otherSchool, maxOpenCases: 0))
        let sheet = try monitor.score(2026)
        #expect(sheet.asOf == monitor.today && !sheet.complete)
        #expect(sheet.scores.map(\.document.party) == [RosterFixtures.township, RosterFixtures.otherTownship, RosterFixtures.otherSchool])

        // A: 4 should attend, 3 in school, 1 out; the case of 2025 returned this year, this
        // year's case still open. Every target missed.
        let a = sheet.scores[0]
        #expect(Self.register(a.figures) == TargetFigures(shouldAttend: 4, enrolled: 3, droppedOut: 1, enrolmentRate: 75, casesOpened: 1, casesReturned: 1, openCases: 1))
        #expect(a.results == [
            TargetResult(kind: .maxDropouts, target: 0, actual: 1, met: false),
            TargetResult(kind: .minEnrolmentRate, target: 100, actual: 75, met: false),
            TargetResult(kind: .maxOpenCases, target: 0, actual: 1, met: false),
        ])
        #expect(a.met == false)
        // B: 5 (not received) still should attend, 6 graduated does not: 1 of 2, exactly 50%.
        let b = sheet.scores[1]
        #expect(Self.register(b.figures) == TargetFigures(shouldAttend: 2, enrolled: 1, transferredOut: 1, enrolmentRate: 50))
        #expect(b.results.map(\.met) == [true, true] && b.met == true)
        #expect(sheet.scores[2].met == true)
        #expect(Self.register(sheet.total) == TargetFigures(shouldAttend: 6, enrolled: 4, transferredOut: 1, droppedOut: 1, enrolmentRate: 66.66, casesOpened: 1, casesReturned: 1, openCases: 1))
        // The monitor's history began this autumn: the class of 2026's entrants (2017–18) are
        // beyond it, so there is no consolidation rate, only the statement of why.
        #expect(sheet.total.consolidation == ConsolidationRate(schoolYear: 2026, completers: 0, entrants: nil, complete: true, historyBegins: monitor.today))

        // 2025 is over: scored as the register stood on 2025-12-31, when child 2 was out.
        try monitor.addTarget(Self.township(year: 2025, rate: nil, maxOpenCases: nil))
        let last = try monitor.score(2025)
        #expect(last.complete && last.asOf == MonitorHarness.date("2025-12-31"))
        #expect(last.scores.count == 1 && last.scores[0].figures.droppedOut == 1 && last.scores[0].figures.casesOpened == 1 && last.scores[0].met == false)
    }

    /// On or after the log's last entry the register is counted from the replica (decision 128):
    /// the same counts the log gives, for the county and for one township.
    @Test func theReplicaCountsAsTheLogDoesOnceThereIsNothingNewer() throws {
        let monitor = try Self.county()
        let later = MonitorHarness.date("2026-12-31")
        for township in [nil, RosterFixtures.otherTownship] {
            let (replica, log) = try monitor.database.read { db in
                (try RegisterCount.on(db, later, township: township, school: nil), try RegisterCount.fromLog(db, later, township: township, school: nil))
            }
            func key(_ count: RegisterCount) -> String { "\(count.township) \(count.school) \(count.status.rawValue) \(count.count)" }
            #expect(replica.map(key).sorted() == log.map(key).sorted() && !replica.isEmpty)
        }
    }

    /// The figures of the register and the cases, without the consolidation rate (``CohortTests``).
    static func register(_ figures: TargetFigures) -> TargetFigures {
        var figures = figures
        figures.consolidation = nil
        return figures
    }

    @Test func scoresAreScoped() throws {
        let monitor = try Self.county()
        try monitor.addTarget(Self.township())
        try monitor.addTarget(Self.township(RosterFixtures.otherTownship))
        try monitor.addTarget(Self.school(RosterFixtures.school, maxDropouts: 0))
        let own = try monitor.score(2026, actor: Self.township)
        #expect(own.scores.map(\.document.party) == [RosterFixtures.township, RosterFixtures.school])
        #expect(own.total.shouldAttend == 4 && own.township == RosterFixtures.township)
        #expect(errorCode { _ = try monitor.score(2026, township: RosterFixtures.otherTownship, actor: Self.township) } == "scope.forbidden")
        let school = try monitor.score(2026, actor: Self.otherSchool)
        #expect(school.scores.isEmpty && school.total.shouldAttend == 2)
    }

    /// A rate target is compared exactly, not through the rounded-down rate shown: 29 of 30 is
    /// 96.666…%, shown as 96.66.
    @Test(arguments: [(96.66, true), (96.67, false), (96, true), (100, false)])
    func rateTargetsCompareExactly(target: Double, met: Bool) throws {
        let figures = TargetStore.figures(
            register: [RegisterCount(township: RosterFixtures.township, school: RosterFixtures.school, status: .enrolled, count: 29),
                       RegisterCount(township: RosterFixtures.township, school: RosterFixtures.school, status: .droppedOut, count: 1)],
            moves: [], open: [])
        #expect(figures.enrolmentRate == 96.66)
        let document = TargetDocument(id: 1, year: 2026, partyKind: .township, party: RosterFixtures.township, township: RosterFixtures.township, partyName: nil, maxDropouts: nil, minEnrolmentRate: target, maxOpenCases: nil, signedBy: ["a", "b"], signedOn: MonitorHarness.date("2026-01-01"), note: nil, recordedBy: "op", recordedAt: "", replaces: nil)
        #expect(TargetStore.results(document, figures).map(\.met) == [met])
    }

    @Test func aRateOverNoChildrenCannotBeAssessed() throws {
        let monitor = try MonitorHarness()
        try monitor.addTarget(Self.township(RosterFixtures.otherTownship, maxDropouts: nil, maxOpenCases: nil))
        let score = try #require(try monitor.score(2026).scores.first)
        #expect(score.results == [TargetResult(kind: .minEnrolmentRate, target: 100, actual: nil, met: nil)])
        #expect(score.met == nil)
    }
}
