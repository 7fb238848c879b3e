import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// The subsidy service's unmatched school-age children (`subsidy.unmatched`) in the cross-check:
/// a child on a family list whom no school holds is a suspect (困难家庭适龄未在籍), registered-poor
/// first; one who leaves every list, or whom a school enrols, is cleared on the next run.
@Suite struct FamilyListCrosscheckTests {
    static func listed(_ sequence: Int, categories: [FamilyCategory], listed: Bool = true) -> UnlistedChildEvent {
        UnlistedChildEvent(
            idNumber: RosterFixtures.idNumber(sequence: sequence), name: "名单儿童\(sequence)", township: RosterFixtures.township,
            categories: categories, listedOn: CivilDate(parsing: "2026-09-01")!, listed: listed)
    }

    /// One subsidy event, applied as the monitor's subscriber applies it (twice: a replay changes
    /// nothing).
    static func apply(_ monitor: MonitorHarness, _ body: UnlistedChildEvent, seq: Int64) throws {
        let topic = "\(SubsidyMessage.Event.unmatched).\(body.township)"
        let event = ReceivedEvent(seq: seq, topic: topic, header: MessageHeader(type: SubsidyMessage.Event.unmatched, actor: nil, publisher: "subsidy", seq: seq), body: try WireCoding.encode(body))
        for _ in 0..<2 { _ = try monitor.write { db, _, _ in try FamilyListStore.apply(db, event) } }
    }

    @Test func aChildOnAListWithNoSchoolIsASuspect() throws {
        let monitor = try MonitorHarness()
        try monitor.add(2)  // enrolled: the subsidy service would not name them, and a name changes nothing
        try Self.apply(monitor, Self.listed(1, categories: [.registeredPoor]), seq: 1)
        try Self.apply(monitor, Self.listed(3, categories: [.subsistence]), seq: 2)
        try Self.apply(monitor, Self.listed(2, categories: [.orphan]), seq: 3)
        try monitor.importRoster([MonitorHarness.rosterChild(3)])

        let report = try monitor.crosscheck()
        #expect(report.byReason.familyListNotEnrolled == 2 && report.opened == 2)
        let poor = try #require(try monitor.suspect(1))
        #expect(poor.reasons == [.familyListNotEnrolled] && poor.registeredPoor && poor.township == RosterFixtures.township)
        #expect(try monitor.suspect(3)?.reasons == [.familyListNotEnrolled, .rosterNotEnrolled], "on the household roster too: one suspect, both reasons")
        #expect(try monitor.suspect(2) == nil)
        #expect(try monitor.suspects().first?.studentName == "名单儿童1", "registered poor first")
        #expect(try monitor.crosscheckAlerts().contains { $0.studentName == "名单儿童1" && $0.text.contains("困难家庭适龄未在籍") })

        // Child 1 leaves every list: the next run clears them, saying why.
        try Self.apply(monitor, Self.listed(1, categories: [], listed: false), seq: 4)
        let rerun = try monitor.crosscheck()
        #expect(rerun.closed == 1)
        #expect(try monitor.suspect(1)?.state == .closed)
    }
}
