import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Delivery
import Foundation
import Logging

/// A delivery store in a temporary directory, fed alert events through the follower's own sink
/// (the transaction a real follower uses), with a worker that can be started on it.
struct DeliveryFixture {
    let directory = TemporaryDirectory("baoxue-delivery-test")
    let hub: AlertHub
    let sink: SQLiteEventSink
    private var seq: Int64 = 0

    init() throws {
        hub = AlertHub(feed: try AlertFeed(dataDirectory: directory.path))
        sink = AlertFollower.sink(feed: hub.feed, broadcaster: hub.broadcaster, doorbell: hub.doorbell)
    }

    /// A policy for tests: quick retries, many of them.
    static let quickPolicy = DeliveryPolicy(maxAttempts: 100, backoffBase: .milliseconds(5), backoffCap: .milliseconds(40), attemptTimeout: .seconds(20), idlePoll: .milliseconds(50))

    func add(_ name: String, url: String, kind: String = "generic", township: String? = nil, school: String? = nil, county: Bool = false) throws -> Webhook {
        try hub.webhooks.add(try WebhookDefinition(name: name, url: url, kind: kind, township: township, school: school, county: county), by: "test")
    }

    /// Applies the next alert event (sequence numbers follow on) and returns its entry.
    @discardableResult
    mutating func publish(_ alert: Alert) async throws -> FeedEntry {
        seq += 1
        let header = MessageHeader(type: MonitorMessage.Event.alert, publisher: "monitor", seq: seq)
        let event = ReceivedEvent(seq: seq, topic: "\(MonitorMessage.Event.alert).\(alert.township)", header: header, body: try WireCoding.encode(alert))
        _ = try await sink.apply([event])
        return FeedEntry(seq: seq, alert: alert)
    }

    static func alert(id: Int64, township: String = RosterFixtures.township, school: String = RosterFixtures.school, rule: AlertRule = .absenceWarning, state: AlertState = .open, createdAt: String = "2026-11-30T00:00:00.000Z") -> Alert {
        Alert(
            id: id, rule: rule, severity: rule.severity, state: state, studentName: "张三", student: "G510123********001X", township: township, school: school,
            text: "连续无故缺课4天，请核实 (absent 4 days)", textEnglish: "absent 4 school days", createdAt: createdAt,
            acknowledgedAt: state == .acknowledged ? "2026-11-30T01:00:00.000Z" : nil, acknowledgedBy: state == .acknowledged ? "wang" : nil)
    }

    /// Runs a delivery worker until the returned task is cancelled.
    func startWorker(policy: DeliveryPolicy = quickPolicy) -> Task<Void, Never> {
        let worker = DeliveryWorker(queue: hub.deliveries, policy: policy, doorbell: hub.doorbell, logger: Logger(label: "delivery-test"))
        return Task { await worker.deliver() }
    }

    func remove() { directory.remove() }
}
