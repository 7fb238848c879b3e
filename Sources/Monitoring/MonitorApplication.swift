import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Configuration
import GRDB
import Logging
import ServiceLifecycle
import ZeroMQ

/// The monitoring service assembled from its configuration: database, publisher, request server,
/// the subscription to the registry, and the sweep timer. The executable runs it under a
/// `ServiceGroup`; tests can run it in-process.
///
/// Configuration keys besides ``ServiceConfiguration``'s shared ones (`monitor.requests|events|data`,
/// `monitor.curve.*`): `monitor.registry` and `monitor.registryEvents` (the registry's endpoints,
/// default from the port plan), `monitor.registryPublicKey` (when the registry speaks CURVE),
/// `monitor.sweepSeconds` (default 300), and ``MonitorSettings``' thresholds, calendar and clock.
public struct MonitorApplication: Sendable {
    public let database: DatabasePool
    public let server: RequestServer
    public let publisher: EventPublisher
    public let subscriber: EventSubscriber
    public let store: MonitorStore
    public let loop: MessageLoop
    let sweepInterval: Duration
    let logger: Logger

    public init(configuration: ServiceConfiguration, logger: Logger, settings: MonitorSettings? = nil) async throws {
        let curve = configuration.curveKeys
        loop = MessageLoop(name: "monitor-zmq", allowedClientKeys: curve == nil ? nil : configuration.allowedClientKeys)
        database = try ServiceDatabase.open(path: configuration.databasePath, migrator: MonitorSchema.migrator)
        store = MonitorStore(settings: try settings ?? MonitorSettings(configuration: configuration))
        publisher = EventPublisher(publisher: "monitor", loop: loop, database: database, logger: logger)
        try await publisher.start(bind: configuration.eventsEndpoint, curve: curve)
        let reader = configuration.reader
        let ports = configuration.ports
        var registryCurve: CurveRole?
        if let registryKey = reader.string(forKey: "monitor.registryPublicKey") {
            // Half a configuration would talk plain TCP to a CURVE registry and fail quietly.
            guard let curve else {
                throw ServiceError(code: "config.invalid", message: "monitor.registryPublicKey is set but the monitor has no key pair (monitor.curve.publicKey and secretKey): set both, or neither")
            }
            registryCurve = .client(curve, serverPublicKey: registryKey)
        }
        let registryRequests = reader.string(forKey: "monitor.registry") ?? ports.requests("registry")
        let registryEvents = reader.string(forKey: "monitor.registryEvents") ?? ports.events("registry")
        let requests = try await RequestClient(loop: loop, endpoint: registryRequests, service: "registry", curve: registryCurve)
        subscriber = EventSubscriber(
            publisher: "registry", loop: loop, eventsEndpoint: registryEvents, requests: requests,
            sink: MonitorSink.make(database: database, store: store, publisher: publisher), logger: logger, curve: registryCurve)
        let service = MonitorService(database: database, store: store, publisher: publisher, subscriber: subscriber)
        server = try await RequestServer(loop: loop, bind: configuration.requestsEndpoint, router: service.router, logger: logger, curve: curve)
        sweepInterval = .seconds(max(reader.int(forKey: "monitor.sweepSeconds", default: 300), 1))
        self.logger = logger
        let eventsEndpoint = await publisher.endpoint
        logger.info("monitor listening", metadata: ["requests": "\(server.endpoint)", "events": "\(eventsEndpoint)", "registry": "\(registryRequests)", "database": "\(configuration.databasePath)"])
    }

    /// The services to run in a `ServiceGroup`.
    public var services: [any Service] {
        [
            RequestServerService(server), EventPublisherService(publisher), EventSubscriberService(subscriber),
            SweepService(database: database, store: store, publisher: publisher, interval: sweepInterval, logger: logger),
        ]
    }
}
