import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Configuration
import GRDB
import Logging
import ServiceLifecycle
import ZeroMQ

/// The registry assembled from its configuration: database, sockets, handlers, publisher. The
/// executable runs it under a `ServiceGroup`; tests can run it in-process.
///
/// Configuration keys (besides ``ServiceConfiguration``'s shared ones, which include the CurveZMQ
/// keys `registry.curve.publicKey|secretKey|allowedClients`, required to bind beyond loopback):
/// - `registry.documents.<kind>` (string array): documents a change of that kind needs, e.g.
///   `registry.documents.transferOut: [转学申请, 接收证明]`. Defaults: ``DocumentRequirements/defaults``.
public struct RegistryApplication: Sendable {
    public let database: DatabasePool
    public let server: RequestServer
    public let publisher: EventPublisher
    public let loop: MessageLoop

    public init(configuration: ServiceConfiguration, logger: Logger, loop: MessageLoop? = nil) async throws {
        let curve = configuration.curveKeys
        // With keys, this loop also answers ZAP: only the configured clients are served.
        self.loop = loop ?? MessageLoop(name: "registry-zmq", allowedClientKeys: curve == nil ? nil : configuration.allowedClientKeys)
        database = try ServiceDatabase.open(path: configuration.databasePath, migrator: RegistrySchema.migrator)
        var documents = DocumentRequirements.defaults
        for kind in StatusChangeKind.allCases {
            if let configured = configuration.reader.stringArray(forKey: ConfigKey("registry.documents.\(kind.rawValue)")) {
                documents[kind] = configured
            }
        }
        publisher = EventPublisher(publisher: "registry", loop: self.loop, database: database, logger: logger)
        try await publisher.start(bind: configuration.eventsEndpoint, curve: curve)
        let service = RegistryService(database: database, store: RegistryStore(documents: DocumentRequirements(required: documents)), publisher: publisher)
        server = try await RequestServer(loop: self.loop, bind: configuration.requestsEndpoint, router: service.router, logger: logger, curve: curve)
        let eventsEndpoint = await publisher.endpoint
        logger.info("registry listening", metadata: ["requests": "\(server.endpoint)", "events": "\(eventsEndpoint)", "database": "\(configuration.databasePath)"])
    }

    /// The services to run in a `ServiceGroup`.
    public var services: [any Service] {
        [RequestServerService(server), EventPublisherService(publisher)]
    }
}
