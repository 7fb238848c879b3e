import BaoxueContracts
import Hummingbird
import NIOCore

/// A request's context: the peer's address (for the audit log's "from where") and, once
/// ``BearerAuthMiddleware`` has let the request in, the actor it stands for.
public struct GatewayRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by ``BearerAuthMiddleware`` on every `/api/v1` request it lets through.
    public var actor: Actor?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// `http 10.1.2.3`, as audit lines and journals record where a request came from.
    public var via: String {
        "http \(remoteAddress?.ipAddress ?? "?")"
    }

    /// The authenticated actor; a route outside the middleware asking for one is a bug, not the
    /// caller's fault, so it is refused rather than served as anyone.
    public func requireActor() throws -> Actor {
        guard let actor else { throw BearerAuthMiddleware.missing }
        return actor
    }
}
