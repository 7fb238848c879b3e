import BaoxueContracts
import BaoxueMessaging
import Configuration
import BaoxueService
import Delivery
import Hummingbird
import Logging
import ServiceLifecycle

/// The gateway assembled from its configuration, as the services have their `…Application`: the
/// HTTP surface over the operations core, the follower of the monitor's alert events that fills
/// the feed and the stream, and the services that carry alerts beyond the stream (webhook
/// deliveries, escalation to the county, daily digests). `baoxue serve` runs it alone; `baoxue up`
/// runs it beside the services it supervises.
///
/// Configuration keys (`config/gateway.yaml`): `gateway.<service>Events` for each alerting service
/// (`gateway.monitorEvents`: its event endpoint, default from the port plan) and
/// ``DeliverySettings``' webhook, delivery, escalation and digest keys; the configured webhooks are
/// synced into the store at start.
public struct GatewayApplication: Sendable {
    public let operations: Operations
    /// The alert feed, its live broadcaster and the delivery queues (`<data>/delivery.sqlite`).
    public let alerts: AlertHub
    let http: any Service
    let follower: AlertFollower
    let delivery: [any Service]

    /// - Parameters:
    ///   - address: where HTTP is served; port 0 takes any free port.
    ///   - onServing: called once HTTP is served, with the address bound (the port the kernel gave
    ///     for port 0), so `baoxue serve` says where only once it is true.
    /// - Throws: `config.invalid` for a bad `gateway.webhooks|delivery|escalation|digest` value;
    ///   SQLite errors opening the delivery store.
    init(
        operations: Operations, configuration: ServiceConfiguration, dataDirectory: String, address: HTTPAddress, logger: Logger,
        onServing: @escaping @Sendable (HTTPAddress) async -> Void = { _ in }
    ) throws {
        self.operations = operations
        // Spool files a gateway stopped mid-upload left behind (UploadSpool).
        UploadSpool(operations).clear()
        let settings = try DeliverySettings(configuration.reader)
        let hub = AlertHub(feed: try AlertFeed(dataDirectory: dataDirectory, fromPresent: settings.newStoreFromPresent))
        alerts = hub
        let clients = operations.clients
        let sources = ServiceName.alerting.map { service in
            AlertFollower.Source(
                service: service, requests: clients.client(service),
                eventsEndpoint: configuration.reader.string(forKey: ConfigKey("gateway.\(service)Events")) ?? clients.ports.events(service),
                curve: clients.curve(service))
        }
        follower = AlertFollower(feed: hub.feed, broadcaster: hub.broadcaster, loop: clients.loop, sources: sources, logger: logger, doorbell: hub.doorbell)
        http = Application(
            router: GatewayHTTP.router(operations: operations, metrics: GatewayMetrics.shared(), alerts: hub),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "baoxue"),
            onServerRunning: { channel in await onServing(HTTPAddress(host: address.host, port: channel.localAddress?.port ?? address.port)) },
            logger: logger)
        let synced = try hub.webhooks.sync(configured: settings.webhooks)
        if synced.added + synced.updated + synced.removed > 0 {
            logger.info("webhooks from the configuration", metadata: ["added": "\(synced.added)", "updated": "\(synced.updated)", "removed": "\(synced.removed)"])
        }
        let deliveries = operations.deliveries
        var escalation = EscalationService(database: hub.feed.database, afterMinutes: settings.escalationAfterMinutes, doorbell: hub.doorbell, logger: logger)
        escalation.deliverFrom = hub.feed.deliverFrom
        let subscribers = follower.subscribers
        escalation.caughtUp = {
            for subscriber in subscribers where await !subscriber.isCaughtUp { return false }
            return true
        }
        delivery = [
            DeliveryWorker(queue: hub.deliveries, policy: settings.policy, doorbell: hub.doorbell, logger: logger),
            escalation,
            DigestService(database: hub.feed.database, schedule: settings.digest, compose: { township, day in try await deliveries.townshipDigest(township, day: day) }, doorbell: hub.doorbell, logger: logger),
        ]
    }

    /// The long-running parts to run in a `ServiceGroup`: HTTP, the alert follower, deliveries.
    public var services: [any Service] {
        [http] + follower.subscribers.map(EventSubscriberService.init) + delivery
    }
}
