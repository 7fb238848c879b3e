import BaoxueContracts
import BaoxueTestSupport
import Delivery
import Foundation
import GRDB
import Logging
import Synchronization
import Testing

/// Escalation and the daily digest on an injected clock: the tests say what time it is, and
/// never sleep.
@Suite struct EscalationAndDigestTests {
    /// 2026-11-30 00:00 UTC (08:00 in the county), in milliseconds.
    static let raised = Timestamp.milliseconds(iso8601: "2026-11-30T00:00:00.000Z")!
    static let minute: Int64 = 60_000

    @Test func anUnacknowledgedAlertEscalatesOnceAfterTheThresholdAndAnAcknowledgedOneNever() async throws {
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        _ = try fixture.add("county", url: "https://oapi.dingtalk.com/robot/send?access_token=T", kind: "dingtalk", county: true)
        _ = try fixture.add("chengguan", url: "https://example.org/hook", township: RosterFixtures.township)
        let escalation = EscalationService(database: fixture.hub.feed.database, afterMinutes: 240, doorbell: fixture.hub.doorbell, logger: Logger(label: "test"))

        // Given three warnings raised at the same time: one stays open, one is acknowledged in
        // time, one resolves by itself.
        try await fixture.publish(DeliveryFixture.alert(id: 1))
        try await fixture.publish(DeliveryFixture.alert(id: 2))
        try await fixture.publish(DeliveryFixture.alert(id: 3))
        try await fixture.publish(DeliveryFixture.alert(id: 2, state: .acknowledged))
        try await fixture.publish(DeliveryFixture.alert(id: 3, state: .resolved))
        #expect(try await countyDeliveries(fixture).isEmpty)

        // Not a minute before the threshold…
        #expect(try await escalation.escalate(now: Self.raised + 239 * Self.minute) == 0)
        #expect(try await countyDeliveries(fixture).isEmpty)
        // …at it, the open one only, with the reason…
        #expect(try await escalation.escalate(now: Self.raised + 240 * Self.minute) == 1)
        let escalated = try await countyDeliveries(fixture)
        #expect(escalated.map(\.alertID) == [1])
        #expect(escalated.first?.purpose == .escalation)
        let body = try await payload(fixture, id: try #require(escalated.first?.id))
        #expect(body.contains("【保学】预警升级至县级：待签收超过4小时"))
        #expect(body.contains("baoxue alert ack 1"))
        // …and never again.
        #expect(try await escalation.escalate(now: Self.raised + 2 * 240 * Self.minute) == 0)
        try await fixture.publish(DeliveryFixture.alert(id: 1, state: .acknowledged))
        #expect(try await escalation.escalate(now: Self.raised + 3 * 240 * Self.minute) == 0)
        #expect(try await countyDeliveries(fixture).count == 1)
    }

    @Test func urgentAlertsReachTheCountyAtOnce() async throws {
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        _ = try fixture.add("county", url: "https://example.org/county", county: true)
        try await fixture.publish(DeliveryFixture.alert(id: 1, rule: .absenceWarning))
        try await fixture.publish(DeliveryFixture.alert(id: 2, rule: .dropoutReported))
        let county = try await countyDeliveries(fixture)
        #expect(county.map(\.alertID) == [2])
        #expect(county.first?.purpose == .alert)
    }

    @Test func theDigestGoesOncePerTownshipPerDayAtItsTime() async throws {
        let fixture = try DeliveryFixture()
        defer { fixture.remove() }
        _ = try fixture.add("chengguan", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K", kind: "wecom", township: RosterFixtures.township)
        _ = try fixture.add("chengguan-json", url: "https://example.org/hook", township: RosterFixtures.township)
        _ = try fixture.add("school-only", url: "https://example.org/school", school: RosterFixtures.otherSchool)
        let composed = Mutex<[String]>([])
        let service = DigestService(
            database: fixture.hub.feed.database, schedule: try DigestSchedule(time: "08:00"),
            compose: { township, day in
                composed.withLock { $0.append("\(township) \(day)") }
                let overdue = CaseSummary(id: 5, state: .open, origin: .dropoutReported, studentName: "李四", student: "G510123********002X", township: township, school: RosterFixtures.school, schoolName: "城关镇中心小学", grade: 5, age: 11, registeredPoor: false, openedOn: day.adding(days: -20), townshipOfficial: "王", schoolTeacher: "李", causes: [], measures: [], visits: 1, lastVisitOn: day.adding(days: -10), nextVisitOn: day.adding(days: -1), lessons: 0, outcome: nil, closedOn: nil, probationUntil: nil, reopened: 0)
                return TownshipDigest(township: township, day: day, openAlerts: [DeliveryFixture.alert(id: 1)], acknowledgedAlerts: 2, openCases: 3, overdueVisits: [overdue])
            },
            doorbell: fixture.hub.doorbell, logger: Logger(label: "test"))
        // 2026-11-30 07:59 county time is 2026-11-29 23:59 UTC.
        let sevenFiftyNine = Timestamp.milliseconds(iso8601: "2026-11-29T23:59:00.000Z")!

        #expect(try await service.send(now: sevenFiftyNine) == [])
        #expect(try await service.send(now: sevenFiftyNine + Self.minute) == [RosterFixtures.township])
        #expect(try await service.send(now: sevenFiftyNine + 90 * Self.minute) == [])
        #expect(try await service.send(now: sevenFiftyNine + 15 * 60 * Self.minute) == [])
        #expect(composed.withLock { $0 } == ["\(RosterFixtures.township) 2026-11-30"])
        let first = try await fixture.hub.deliveries.list(DeliveryQuery())
        #expect(first.count == 2)
        #expect(first.allSatisfy { $0.purpose == .digest && $0.township == RosterFixtures.township })
        let text = try await payload(fixture, id: try #require(first.first { $0.kind == .wecom }?.id))
        #expect(text.contains("2026-11-30 乡镇 510123101 控辍保学每日汇总"))
        #expect(text.contains("待签收预警 1 条，已签收未解除 2 条，劝返中案件 3 件，走访逾期 1 件"))
        #expect(text.contains("案件5 李四"))

        // The next day, at the time, once more.
        #expect(try await service.send(now: sevenFiftyNine + 24 * 60 * Self.minute) == [])
        #expect(try await service.send(now: sevenFiftyNine + 24 * 60 * Self.minute + Self.minute) == [RosterFixtures.township])
        #expect(try await fixture.hub.deliveries.list(DeliveryQuery()).count == 4)
    }

    @Test func theDigestIsMadeFromTheMonitorAsTheTownshipSeesIt() async throws {
        let services = try await InProcessServices()
        let digest = try await services.operations.deliveries.townshipDigest(RosterFixtures.township, day: CivilDate(year: 2026, month: 11, day: 30)!)
        #expect(digest.township == RosterFixtures.township)
        #expect(digest.openAlerts.isEmpty && digest.openCases == 0 && digest.overdueVisits.isEmpty)
        await services.stop()
    }

    @Test(arguments: ["8:00", "24:00", "08:60", "0800", "noon"])
    func aBadDigestTimeIsRefused(time: String) {
        if time == "8:00" {
            #expect((try? DigestSchedule(time: time))?.minuteOfDay == 480)
        } else {
            #expect(throws: ServiceError.self) { try DigestSchedule(time: time) }
        }
    }

    func countyDeliveries(_ fixture: DeliveryFixture) async throws -> [DeliveryRecord] {
        try await fixture.hub.deliveries.list(DeliveryQuery()).filter { $0.webhook == "county" }.reversed()
    }

    func payload(_ fixture: DeliveryFixture, id: Int64) async throws -> String {
        let data = try await fixture.hub.feed.database.read { db in try Data.fetchOne(db, sql: "SELECT payload FROM delivery WHERE id = ?", arguments: [id]) }
        return String(decoding: data ?? Data(), as: UTF8.self)
    }
}
