import ServiceLifecycle

/// A service assembled from its configuration on a ``ServiceKit``: what ``ServiceMain`` runs.
public protocol ServiceApplication: Sendable {
    var kit: ServiceKit { get }
    /// The long-running parts; the kit's by default, plus any timers of the service's own.
    var services: [any Service] { get }
}

extension ServiceApplication {
    public var services: [any Service] { kit.services }
}
