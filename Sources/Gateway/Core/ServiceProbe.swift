import BaoxueMessaging

/// One service's answer to `services status`.
public struct ServiceProbe: Codable, Sendable {
    public var service: String
    public var endpoint: String
    public var health: ServiceHealth?
    public var milliseconds: Double?
    public var error: String?
}
