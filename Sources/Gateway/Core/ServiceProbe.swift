import BaoxueMessaging

/// One service's answer to `services status`.
public struct ServiceProbe: Codable, Sendable {
    public var service: String
    public var endpoint: String
    public var health: ServiceHealth?
    public var milliseconds: Double?
    public var error: String?

    /// The probe without the service's data counts: for `/healthz`, which answers anyone, and
    /// for users limited to a township or school, who may not see county-wide figures.
    public var withoutCounts: ServiceProbe {
        var copy = self
        copy.health?.counts = [:]
        return copy
    }
}
