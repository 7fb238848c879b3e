import BaoxueMessaging

/// One service's answer to `services status`.
public struct ServiceProbe: Codable, Sendable {
    public var service: String
    public var endpoint: String
    public var health: ServiceHealth?
    public var milliseconds: Double?
    public var error: String?

    /// What is wrong with a service that answers: each subscription that cannot apply its
    /// publisher's events, or whose publisher went back in time beyond repair.
    public var problems: [String] {
        (health?.subscriptions ?? []).compactMap { subscription in
            if let problem = subscription.problem { return "\(service) ← \(subscription.publisher): \(problem)" }
            if subscription.diverged { return "\(service) ← \(subscription.publisher): diverged" }
            return nil
        }
    }
}
