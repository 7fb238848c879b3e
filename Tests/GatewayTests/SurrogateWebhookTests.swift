import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
@testable import Delivery
import Foundation
import GRDB
import Testing

/// A surrogate parent's own webhook gets the care service's notices about the children in their
/// care, once each, and nothing else; a township's webhook gets care alerts, never the notices.
@Suite struct SurrogateWebhookTests {
    static func notice(id: Int64, to surrogate: Int64, recipient: NoticeRecipient = .surrogate) -> Notice {
        Notice(
            id: id, recipient: recipient, recipientID: surrogate, recipientName: "陈老师", student: "G510123********001X", studentName: "张三", township: RosterFixtures.township,
            school: RosterFixtures.school, source: .monitorAlert, sourceID: 3, rule: .absenceWarning, text: "【代理家长提醒】监测预警（无故缺课预警）：张三（城关镇中心小学）无故缺课4天。",
            textEnglish: "[Surrogate parent] absent 4 days", createdAt: "2026-12-05T01:00:00.000Z")
    }

    static func event(seq: Int64, type: String, topic: String, body: some Encodable) throws -> ReceivedEvent {
        ReceivedEvent(seq: seq, topic: topic, header: MessageHeader(type: type, publisher: "care", seq: seq), body: try WireCoding.encode(body))
    }

    @Test func aSurrogatesWebhookGetsTheirNoticesOnceAndNothingElse() async throws {
        let fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let care = AlertFollower.sink(feed: fixture.hub.feed, broadcaster: fixture.hub.broadcaster, doorbell: fixture.hub.doorbell, publisher: .care)
        _ = try fixture.hub.webhooks.add(try WebhookDefinition(name: "陈老师", url: "https://example.org/chen", kind: "wecom", township: nil, school: nil, county: false, surrogate: 7), by: "test")
        _ = try fixture.hub.webhooks.add(try WebhookDefinition(name: "李老师", url: "https://example.org/li", kind: "generic", township: nil, school: nil, county: false, surrogate: 8), by: "test")
        _ = try fixture.add("城关镇", url: "https://example.org/town", township: RosterFixtures.township)

        // Given: a notice to surrogate 7, the same notice again (a replay under a new seq), a
        // notice to a school's home, and a care alert.
        let topic = "\(CareMessage.Event.notice).\(RosterFixtures.township)"
        _ = try await care.apply([try Self.event(seq: 1, type: CareMessage.Event.notice, topic: topic, body: Self.notice(id: 1, to: 7))])
        _ = try await care.apply([try Self.event(seq: 2, type: CareMessage.Event.notice, topic: topic, body: Self.notice(id: 1, to: 7))])
        _ = try await care.apply([try Self.event(seq: 3, type: CareMessage.Event.notice, topic: topic, body: Self.notice(id: 2, to: 4, recipient: .home))])
        var alert = DeliveryFixture.alert(id: 5, rule: .surrogateMissing)
        alert.service = .care
        _ = try await care.apply([try Self.event(seq: 4, type: CareMessage.Event.alert, topic: "\(CareMessage.Event.alert).\(RosterFixtures.township)", body: alert)])

        // Then: one notice to 陈老师, none to 李老师, the alert to the township only.
        let deliveries = try await fixture.hub.deliveries.list(DeliveryQuery(limit: 100))
        #expect(deliveries.filter { $0.webhook == "陈老师" }.map(\.purpose) == [.notice])
        #expect(deliveries.filter { $0.webhook == "李老师" }.isEmpty)
        #expect(deliveries.filter { $0.webhook == "城关镇" }.map(\.purpose) == [.alert])
        #expect(try fixture.hub.webhooks.list().first { $0.name == "陈老师" }?.target == .surrogate(7))
    }

    @Test func theNoticeBodyNamesTheChildWithoutTheirNumber() throws {
        let notice = Self.notice(id: 9, to: 7)
        let robot = try #require(try JSONSerialization.jsonObject(with: WebhookPayload.notice(notice, kind: .dingtalk)) as? [String: Any])
        let content = try #require((robot["text"] as? [String: Any])?["content"] as? String)
        #expect(content.hasPrefix("【保学】【代理家长提醒】"))
        let generic = try #require(try JSONSerialization.jsonObject(with: WebhookPayload.notice(notice, kind: .generic)) as? [String: Any])
        #expect(generic["event"] as? String == "notice" && generic["surrogate"] as? Int == 7)
        #expect(generic["student"] as? String == "G510123********001X")
    }

    @Test func aSurrogateTargetIsReadFromTheConfigurationAndIsOneTargetOnly() throws {
        let line = try WebhookDefinition(line: "name=陈老师 kind=wecom surrogate=7 url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K")
        #expect(line.target == .surrogate(7))
        #expect(throws: ServiceError.self) { try WebhookDefinition(line: "name=x url=https://a.b/ surrogate=7 county=true") }
        #expect(throws: ServiceError.self) { try WebhookDefinition(line: "name=x url=https://a.b/ surrogate=seven") }
        #expect(throws: ServiceError.self) { try WebhookDefinition(name: "x", url: "https://a.b/", kind: "generic", township: nil, school: nil, county: false, surrogate: 0) }
    }

    /// The upgrade rebuilds the webhook and delivery tables: a gateway's webhooks and their
    /// deliveries from before it are all still there, with their ids.
    @Test func anUpgradeKeepsEveryWebhookAndDelivery() async throws {
        let directory = TemporaryDirectory("baoxue-delivery-upgrade")
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.file("delivery.sqlite"))
        try DeliverySchema.migrator.migrate(queue, upTo: "v3-several-publishers")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO webhook (id, name, url, kind, township, source, created_at, created_by) VALUES (3, '城关镇', 'https://example.org/t', 'wecom', '510123101', 'cli', '2026-12-01T00:00:00.000Z', 'wang');
                INSERT INTO delivery (webhook_id, purpose, subject, seq, alert_id, township, payload, state, next_attempt_ms, created_at)
                  VALUES (3, 'alert', 'alert:1', 1, 1, '510123101', x'7B7D', 'delivered', 0, '2026-12-01T00:00:00.000Z');
                """)
        }
        try queue.close()
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: directory.path))
        #expect(try hub.webhooks.list().map(\.name) == ["城关镇"])
        #expect(try hub.webhooks.list().first?.id == 3)
        let deliveries = try await hub.deliveries.list(DeliveryQuery(limit: 10))
        #expect(deliveries.map(\.webhook) == ["城关镇"] && deliveries.first?.state == .delivered)
        _ = try hub.webhooks.add(try WebhookDefinition(name: "陈老师", url: "https://example.org/c", kind: "generic", township: nil, school: nil, county: false, surrogate: 7), by: "test")
    }
}
