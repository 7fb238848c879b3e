import BaoxueService
import Delivery
import Logging
import ServiceLifecycle

extension GatewayServer {
    /// The services that carry alerts beyond the stream, run next to the follower by `serve` and
    /// `up`: the delivery queues, the escalation to the county, the daily digests. The configured
    /// webhooks (`gateway.webhooks`) are synced into the store first.
    /// - Throws: `config.invalid` for a bad `gateway.webhooks|delivery|escalation|digest` value.
    static func deliveryServices(hub: AlertHub, operations: Operations, configuration: ServiceConfiguration, logger: Logger) throws -> [any Service] {
        let settings = try DeliverySettings(configuration.reader)
        let synced = try hub.webhooks.sync(configured: settings.webhooks)
        if synced.added + synced.updated + synced.removed > 0 {
            logger.info("webhooks from the configuration", metadata: ["added": "\(synced.added)", "updated": "\(synced.updated)", "removed": "\(synced.removed)"])
        }
        let database = hub.feed.database
        return [
            DeliveryWorker(queue: hub.deliveries, policy: settings.policy, doorbell: hub.doorbell, logger: logger),
            EscalationService(database: database, afterMinutes: settings.escalationAfterMinutes, doorbell: hub.doorbell, logger: logger),
            DigestService(database: database, schedule: settings.digest, compose: { township, day in try await operations.townshipDigest(township, day: day) }, doorbell: hub.doorbell, logger: logger),
        ]
    }
}
