import BaoxueContracts
import BaoxueTestSupport
import Delivery
import Foundation
import GRDB
import Testing

/// Webhooks get every alert event of their township, in order, once; a failing receiver is
/// retried until it comes back; a slow one holds up nobody else; robots get their text shape.
@Suite struct WebhookDeliveryTests {
    @Test func aReceiverDownForAWhileGetsEveryAlertOnceInOrder() async throws {
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let receiver = try await WebhookReceiver()
        defer { receiver.stop() }
        _ = try fixture.add("chengguan", url: receiver.url, township: RosterFixtures.township)

        // Given a receiver that answers 500, and alerts arriving while it does.
        receiver.setFailing(true)
        let worker = fixture.startWorker()
        defer { worker.cancel() }
        for id in 1...5 { try await fixture.publish(DeliveryFixture.alert(id: Int64(id))) }
        try await fixture.publish(DeliveryFixture.alert(id: 99, township: RosterFixtures.otherTownship, school: RosterFixtures.otherSchool))
        #expect(try await eventually { receiver.requests >= 4 })
        for id in 6...10 { try await fixture.publish(DeliveryFixture.alert(id: Int64(id))) }
        #expect(receiver.received.isEmpty)
        let failing = try await fixture.hub.deliveries.list(DeliveryQuery(failedOnly: true))
        #expect(failing.first?.lastStatus == 500)
        #expect(failing.allSatisfy { !($0.lastError ?? "").contains("test-secret-key") && !$0.url.contains("test-secret-key") })

        // When it comes back up.
        receiver.setFailing(false)

        // Then it gets every alert of its township, in order, none twice, none of another's.
        #expect(try await eventually { receiver.received.count >= 10 })
        try await Task.sleep(for: .milliseconds(200))
        let objects = receiver.objects()
        #expect(objects.compactMap { ($0["alert"] as? [String: Any])?["id"] as? Int } == Array(1...10))
        #expect(objects.compactMap { $0["id"] as? Int } == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11])
        #expect(objects.allSatisfy { $0["event"] as? String == "alert" })
        let records = try await fixture.hub.deliveries.list(DeliveryQuery())
        #expect(records.count == 10)
        #expect(records.allSatisfy { $0.state == .delivered })
        #expect(records.last?.attempts ?? 0 > 1)
    }

    @Test func aSlowReceiverDoesNotDelayAnotherTownship() async throws {
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let slow = try await WebhookReceiver(), fast = try await WebhookReceiver()
        defer { slow.stop(); fast.stop() }
        _ = try fixture.add("slow", url: slow.url, township: RosterFixtures.township)
        _ = try fixture.add("fast", url: fast.url, kind: "wecom", township: RosterFixtures.otherTownship)
        let listener = fixture.hub.broadcaster.listen()

        // Given one township's receiver that holds every request.
        slow.setHeld(true)
        let worker = fixture.startWorker()
        defer { worker.cancel() }
        for id in 1...6 {
            let township = id.isMultiple(of: 2) ? RosterFixtures.otherTownship : RosterFixtures.township
            try await fixture.publish(DeliveryFixture.alert(id: Int64(id), township: township, school: id.isMultiple(of: 2) ? RosterFixtures.otherSchool : RosterFixtures.school))
        }

        // Then the other township gets all of its alerts while the slow one has taken none, and
        // the stream's listeners got every event.
        #expect(try await eventually { fast.received.count == 3 })
        #expect(slow.received.isEmpty)
        #expect(slow.requests == 1)
        var streamed: [Int64] = []
        for await entry in listener.entries {
            streamed.append(entry.seq)
            if streamed.count == 6 { break }
        }
        #expect(streamed == [1, 2, 3, 4, 5, 6])

        // When the slow one lets go, it gets its own, in order.
        slow.setHeld(false)
        #expect(try await eventually { slow.received.count == 3 })
        #expect(slow.objects().compactMap { ($0["alert"] as? [String: Any])?["id"] as? Int } == [1, 3, 5])
    }

    @Test func robotsGetTheirTextMessageWithTheKeywordAndRefusalsAreRetried() async throws {
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let wecom = try await WebhookReceiver(), dingtalk = try await WebhookReceiver()
        defer { wecom.stop(); dingtalk.stop() }
        _ = try fixture.add("wecom", url: wecom.url, kind: "wecom", township: RosterFixtures.township)
        _ = try fixture.add("dingtalk", url: dingtalk.url, kind: "dingtalk", school: RosterFixtures.school)
        // A 钉钉 robot without its keyword answers 200 with an errcode: that is a failure.
        dingtalk.setAnswer(#"{"errcode":310000,"errmsg":"keywords not in content"}"#)
        let worker = fixture.startWorker()
        defer { worker.cancel() }
        try await fixture.publish(DeliveryFixture.alert(id: 7, rule: .absenceDropout))

        #expect(try await eventually { wecom.received.count == 1 && dingtalk.received.count >= 2 })
        for body in [wecom.objects()[0], dingtalk.objects()[0]] {
            #expect(Set(body.keys) == ["msgtype", "text"])
            #expect(body["msgtype"] as? String == "text")
            let content = try #require((body["text"] as? [String: Any])?["content"] as? String)
            #expect(content.hasPrefix("【保学】紧急·连续缺课视同辍学"))
            #expect(content.contains("张三 G510123********001X"))
            #expect(content.contains("baoxue alert ack 7"))
        }
        let refused = try #require(try await fixture.hub.deliveries.list(DeliveryQuery(failedOnly: true)).first)
        #expect(refused.webhook == "dingtalk")
        #expect(refused.lastError?.contains("errcode 310000") == true)

        dingtalk.setAnswer(#"{"errcode":0,"errmsg":"ok"}"#)
        #expect(try await eventually { try await fixture.hub.deliveries.list(DeliveryQuery()).allSatisfy { $0.state == .delivered } })
    }

    @Test func bodiesByKind() throws {
        let entry = FeedEntry(seq: 42, alert: DeliveryFixture.alert(id: 9))
        let generic = try #require(try JSONSerialization.jsonObject(with: WebhookPayload.alert(entry, kind: .generic)) as? [String: Any])
        #expect(generic["event"] as? String == "alert")
        #expect(generic["id"] as? Int == 42)
        #expect((generic["alert"] as? [String: Any])?["township"] as? String == RosterFixtures.township)
        #expect((generic["text"] as? String)?.contains("保学") == true)

        // 企业微信 takes at most 2,048 bytes of content: a long digest is cut, not refused.
        let many = (1...200).map { DeliveryFixture.alert(id: Int64($0)) }
        let digest = TownshipDigest(township: RosterFixtures.township, day: CivilDate(year: 2026, month: 11, day: 30)!, openAlerts: many, acknowledgedAlerts: 3, openCases: 2, overdueVisits: [])
        for kind in [WebhookKind.wecom, .dingtalk] {
            let body = try #require(try JSONSerialization.jsonObject(with: WebhookPayload.digest(digest, kind: kind)) as? [String: Any])
            let content = try #require((body["text"] as? [String: Any])?["content"] as? String)
            #expect(content.hasPrefix("【保学】2026-11-30 乡镇 510123101 控辍保学每日汇总"))
            #expect(content.contains("待签收预警 200 条"))
            #expect(content.utf8.count <= (kind == .wecom ? 2_048 : 20_000))
        }
    }

    @Test(arguments: [
        ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***"),
        ("https://oapi.dingtalk.com/robot/send?access_token=abc123&x=1", "https://oapi.dingtalk.com/robot/send?access_token=***&x=***"),
        ("http://user:pw@10.0.0.5:8080/hooks/0123456789abcdef0123456789", "http://***@10.0.0.5:8080/hooks/0123***"),
        ("https://example.org/alerts", "https://example.org/alerts"),
    ])
    func addressesAreMaskedEverywhere(raw: String, masked: String) throws {
        let url = try WebhookURL(raw)
        #expect(url.masked == masked)
        #expect("\(url)" == masked)
        #expect(!url.scrub("failed: \(raw)").contains("abc123"))
    }

    @Test(arguments: ["ftp://example.org/x", "example.org/hook", "https://", "javascript:alert(1)", "https://exa mple.org/", ""])
    func badAddressesAreRefused(raw: String) {
        let error = #expect(throws: ServiceError.self) { try WebhookURL(raw) }
        #expect(error?.code == .webhookInvalidURL)
    }

    @Test func configuredWebhooksAreReadAndSynced() throws {
        let fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let line = try WebhookDefinition(line: "name=城关镇 kind=wecom township=510123101 url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K")
        #expect(line.kind == .wecom && line.target == .township("510123101"))
        let county = try WebhookDefinition(line: "name=county kind=dingtalk county=true url=https://oapi.dingtalk.com/robot/send?access_token=T")
        #expect(throws: ServiceError.self) { try WebhookDefinition(line: "name=x url=https://a.b/ township=510123101 county=true") }
        #expect(throws: ServiceError.self) { try WebhookDefinition(line: "name=x url=https://a.b/ colour=blue county=true") }

        let store = fixture.hub.webhooks
        _ = try store.add(try WebhookDefinition(name: "school-a", url: "https://example.org/a", kind: "generic", township: nil, school: RosterFixtures.school, county: false), by: "wang")
        #expect(try store.sync(configured: [line, county]) == (added: 2, updated: 0, removed: 0))
        #expect(try store.sync(configured: [line, county]) == (added: 0, updated: 0, removed: 0))
        #expect(try store.list().map(\.name) == ["county", "school-a", "城关镇"])
        // Configured ones are changed in the configuration only; a name is taken once.
        #expect(throws: ServiceError.self) { try store.remove(named: "county") }
        #expect(throws: ServiceError.self) { try store.add(line, by: "wang") }
        #expect(try store.sync(configured: [line]) == (added: 0, updated: 0, removed: 1))
        _ = try store.remove(named: "school-a")
        #expect(try store.list().map(\.name) == ["城关镇"])
    }

    @Test func backoffIsFullJitterUnderTheCap() {
        let policy = DeliveryPolicy(maxAttempts: 8, backoffBase: .seconds(2), backoffCap: .seconds(600))
        #expect(policy.backoffMilliseconds(afterAttempt: 1, unit: 0.999_999) == 1_999)
        #expect(policy.backoffMilliseconds(afterAttempt: 3, unit: 0.5) == 4_000)
        #expect(policy.backoffMilliseconds(afterAttempt: 30, unit: 0.999_999) < 600_000)
        #expect(policy.backoffMilliseconds(afterAttempt: 100, unit: 0) == 0)
    }

    @Test func aDeadDeliveryIsResentAndADeliveredOneIsNot() async throws {
        var fixture = try DeliveryFixture()
        defer { fixture.remove() }
        let receiver = try await WebhookReceiver()
        defer { receiver.stop() }
        _ = try fixture.add("chengguan", url: receiver.url, township: RosterFixtures.township)
        receiver.setFailing(true)
        let policy = DeliveryPolicy(maxAttempts: 2, backoffBase: .milliseconds(1), backoffCap: .milliseconds(2), attemptTimeout: .seconds(20), idlePoll: .milliseconds(50))
        let worker = fixture.startWorker(policy: policy)
        defer { worker.cancel() }
        try await fixture.publish(DeliveryFixture.alert(id: 1))
        try await fixture.publish(DeliveryFixture.alert(id: 2))
        #expect(try await eventually { try await fixture.hub.deliveries.list(DeliveryQuery(state: .dead)).count == 2 })

        receiver.setFailing(false)
        let first = try #require(try await fixture.hub.deliveries.list(DeliveryQuery()).last)
        #expect(try await fixture.hub.deliveries.resend(id: first.id, now: Timestamp.nowMilliseconds()).state == .pending)
        fixture.hub.doorbell.ring()
        #expect(try await eventually { receiver.received.count == 1 })
        #expect(try await fixture.hub.deliveries.resendAllDead(township: nil, now: Timestamp.nowMilliseconds()) == 1)
        fixture.hub.doorbell.ring()
        #expect(try await eventually { receiver.received.count == 2 })
        await #expect(throws: ServiceError.self) { try await fixture.hub.deliveries.resend(id: first.id, now: 0) }
        await #expect(throws: ServiceError.self) { try await fixture.hub.deliveries.resend(id: 12345, now: 0) }
    }
}
