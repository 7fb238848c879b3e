/// One delivery as lists show it: which webhook (by name and masked address), why, the alert or
/// township it concerns, and how its attempts went. The message itself is not listed: it names
/// a child, and the alert's own routes show it to those who may see it.
public struct DeliveryRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var webhook: String
    /// Masked: the query (the robot's key) is never shown.
    public var url: String
    public var kind: WebhookKind
    public var purpose: DeliveryPurpose
    /// The alert event's sequence number (the stream's event id), for alert deliveries.
    public var seq: Int64?
    public var alertID: Int64?
    public var township: String
    public var school: String?
    public var state: DeliveryState
    public var attempts: Int
    /// The receiver's last HTTP status, if it answered.
    public var lastStatus: Int?
    /// Why the last attempt failed, with any address masked.
    public var lastError: String?
    /// When the next attempt is due (UTC), for pending and failed deliveries.
    public var nextAttemptAt: String?
    public var createdAt: String
    public var deliveredAt: String?
    /// Whether its webhook has since been removed (it can no longer be resent).
    public var webhookRemoved: Bool
}
