import Access
import BaoxueContracts
import Delivery
import Foundation

/// Webhooks (county admins), their deliveries (county admins and operators everywhere, township
/// staff their township's) and the daily digest's facts. The stores are passed in: they live in
/// `<data>/delivery.sqlite`, which the gateway and the CLI on its host open.
public struct DeliveryOperations: Sendable {
    let auditor: Auditor
    let monitor: MonitorOperations
    let alerts: AlertOperations

    // MARK: Webhooks

    public func webhooks(_ store: WebhookStore, actor: Actor) async throws -> [Webhook] {
        try Self.requireWebhookAdmin(actor)
        return try store.list()
    }

    public func addWebhook(_ definition: WebhookDefinition, store: WebhookStore, actor: Actor) async throws -> Webhook {
        try await auditor.audited(actor, "webhook.add", detail: { "\($0.name) \($0.kind.rawValue) \($0.target.description) \($0.url.masked)" }) {
            try Self.requireWebhookAdmin(actor)
            return try store.add(definition, by: actor.user)
        }
    }

    public func removeWebhook(named name: String, store: WebhookStore, actor: Actor) async throws -> Webhook {
        try await auditor.audited(actor, "webhook.remove", detail: { "\($0.name) \($0.url.masked)" }) {
            try Self.requireWebhookAdmin(actor)
            return try store.remove(named: name)
        }
    }

    /// Sends a test message to a webhook now and says how it went; nothing is queued.
    public func testWebhook(named name: String, store: WebhookStore, sender: WebhookSender = WebhookSender(), timeout: Duration = .seconds(10), actor: Actor) async throws -> WebhookTestResult {
        try await auditor.audited(actor, "webhook.test", detail: { "\($0.webhook) \($0.delivered ? "delivered" : "failed")" }) {
            try Self.requireWebhookAdmin(actor)
            let webhook = try store.webhook(named: name)
            let started = ContinuousClock.now
            let outcome = await sender.send(WebhookPayload.test(webhook: webhook.name, target: webhook.target, kind: webhook.kind, at: Timestamp.now()), to: webhook, timeout: timeout)
            let milliseconds = Int((ContinuousClock.now - started).seconds * 1_000)
            switch outcome {
            case .delivered(let status):
                return WebhookTestResult(webhook: webhook.name, url: webhook.url.masked, kind: webhook.kind, delivered: true, status: status, error: nil, milliseconds: milliseconds)
            case .failed(let status, let error):
                return WebhookTestResult(webhook: webhook.name, url: webhook.url.masked, kind: webhook.kind, delivered: false, status: status, error: error, milliseconds: milliseconds)
            }
        }
    }

    // MARK: Deliveries

    /// Deliveries, newest first: county admins and operators see all (or one township), township
    /// staff their own township's; others are refused.
    public func deliveries(_ query: DeliveryQuery, queue: DeliveryQueue, actor: Actor) async throws -> [DeliveryRecord] {
        var scoped = query
        let scope = AccessScope(actor)
        switch scope.role {
        case .countyAdmin, .countyOperator, .system:
            break
        case .townshipStaff:
            scoped.township = try scope.narrow(query.township, to: scope.township, what: "乡镇 township")
        default:
            throw Self.deliveriesForbidden
        }
        return try await queue.list(scoped)
    }

    /// Queues a failed or dead delivery again, now (county admins and operators).
    public func resendDelivery(id: Int64, queue: DeliveryQueue, actor: Actor) async throws -> DeliveryRecord {
        try await auditor.audited(actor, "delivery.resend", detail: { "delivery \($0.id) \($0.webhook) \($0.purpose.rawValue)" }) {
            try Self.requireDeliveryOperator(actor)
            return try await queue.resend(id: id, now: Timestamp.nowMilliseconds())
        }
    }

    /// Queues every dead delivery again (of one township, if given); how many.
    public func resendDeadDeliveries(township: String?, queue: DeliveryQueue, actor: Actor) async throws -> Int {
        try await auditor.audited(actor, "delivery.resend", detail: { "all dead\(township.map { " of \($0)" } ?? ""): \($0)" }) {
            try Self.requireDeliveryOperator(actor)
            return try await queue.resendAllDead(township: township, now: Timestamp.nowMilliseconds())
        }
    }

    // MARK: Daily digest

    /// One township's digest for `day`, from the monitor's lists as the township sees them:
    /// open alerts (oldest first), acknowledged ones, open cases, and the open cases whose next
    /// visit is before `day`.
    public func townshipDigest(_ township: String, day: CivilDate) async throws -> TownshipDigest {
        let actor = Actor(user: "digest", role: Role.system.rawValue, township: township, via: "gateway")
        let open = try await alerts.everyService(AlertQuery(township: township, state: .open, limit: 1_000), actor: actor)
        let acknowledged = try await alerts.everyService(AlertQuery(township: township, state: .acknowledged, limit: 1_000), actor: actor)
        let openCases = try await monitor.cases(CaseQuery(township: township, state: .open, limit: 1_000), actor: actor)
        let overdue = openCases.filter { summary in summary.nextVisitOn.map { $0 < day } ?? false }.sorted { ($0.nextVisitOn ?? day) < ($1.nextVisitOn ?? day) }
        return TownshipDigest(township: township, day: day, openAlerts: open.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }, acknowledgedAlerts: acknowledged.count, openCases: openCases.count, overdueVisits: overdue)
    }

    // MARK: Who may

    static func requireWebhookAdmin(_ actor: Actor) throws(ServiceError) {
        guard AccessScope(actor).role == .countyAdmin else {
            throw ServiceError(.scopeForbidden, "无权管理推送渠道：需要县级管理员 (not allowed: managing webhooks needs a county admin)")
        }
    }

    static func requireDeliveryOperator(_ actor: Actor) throws(ServiceError) {
        let role = AccessScope(actor).role
        guard role == .countyAdmin || role == .countyOperator || role == .system else {
            throw ServiceError(.scopeForbidden, "无权重发推送：需要县级管理员或操作员 (not allowed: resending deliveries needs a county admin or operator)")
        }
    }

    static let deliveriesForbidden = ServiceError(.scopeForbidden, "无权查看推送记录：需要县级管理员、操作员或乡镇工作人员 (not allowed: deliveries are for county admins, operators and township staff)")
}
