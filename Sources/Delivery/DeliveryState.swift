/// Where one delivery stands: waiting for its first attempt, delivered, failed and waiting for
/// its next attempt, or dead (given up after `gateway.delivery.maxAttempts`, until someone
/// resends it: `baoxue alert resend`).
public enum DeliveryState: String, Codable, Sendable, CaseIterable {
    case pending, delivered, failed, dead
}
