import Delivery

/// What `baoxue webhook test` reports: whether the webhook took a test message now, and if not,
/// why (the address masked).
public struct WebhookTestResult: Encodable, Sendable {
    public var webhook: String
    public var url: String
    public var kind: WebhookKind
    public var delivered: Bool
    public var status: Int?
    public var error: String?
    public var milliseconds: Int
}
