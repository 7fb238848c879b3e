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
/// Configuration keys (besides ``ServiceConfiguration``'s shared ones):
/// - `registry.documents.<kind>` (string array): documents a change of that kind needs, e.g.
///   `registry.documents.transferOut: [转学申请, 接收证明]`. Defaults: ``DocumentRequirements/defaults``.
public struct RegistryApplication: Sendable {
    public let database: DatabasePool
    public let server: RequestServer
    public let publisher: EventPublisher
    public let loop: MessageLoop

    public init(configuration: ServiceConfiguration, logger: Logger, loop: MessageLoop = MessageLoop(name: "registry-zmq")) async throws {
        self.loop = loop
        database = try ServiceDatabase.open(path: configuration.databasePath, migrator: RegistrySchema.migrator)
        var documents = DocumentRequirements.defaults
        for kind in StatusChangeKind.allCases {
            if let configured = configuration.reader.stringArray(forKey: ConfigKey("registry.documents.\(kind.rawValue)")) {
                documents[kind] = configured
            }
        }
        publisher = EventPublisher(publisher: "registry", loop: loop, database: database, logger: logger)
        try await publisher.start(bind: configuration.eventsEndpoint)
        let service = RegistryService(database: database, store: RegistryStore(documents: DocumentRequirements(required: documents)), publisher: publisher)
        server = try await RequestServer(loop: loop, bind: configuration.requestsEndpoint, router: service.router, logger: logger)
        let eventsEndpoint = await publisher.endpoint
        logger.info("registry listening", metadata: ["requests": "\(server.endpoint)", "events": "\(eventsEndpoint)", "database": "\(configuration.databasePath)"])
    }

    /// The services to run in a `ServiceGroup`.
    public var services: [any Service] {
        [RequestServerService(server), EventPublisherService(publisher)]
    }
}
