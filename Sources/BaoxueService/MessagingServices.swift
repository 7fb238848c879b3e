import BaoxueMessaging
import ServiceLifecycle

/// Serves a ``RequestServer`` until graceful shutdown (SIGTERM, SIGINT).
public struct RequestServerService: Service {
    let server: RequestServer
    public init(_ server: RequestServer) { self.server = server }
    public func run() async throws {
        try await cancelWhenGracefulShutdown { await server.run() }
    }
}

/// Heartbeats an ``EventPublisher`` until graceful shutdown.
public struct EventPublisherService: Service {
    let publisher: EventPublisher
    public init(_ publisher: EventPublisher) { self.publisher = publisher }
    public func run() async throws {
        try await cancelWhenGracefulShutdown { await publisher.run() }
    }
}

/// Follows a publisher with an ``EventSubscriber`` until graceful shutdown.
public struct EventSubscriberService: Service {
    let subscriber: EventSubscriber
    public init(_ subscriber: EventSubscriber) { self.subscriber = subscriber }
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await subscriber.run() }
    }
}
