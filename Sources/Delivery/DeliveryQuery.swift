/// Which deliveries to list, newest first.
public struct DeliveryQuery: Sendable, Equatable {
    /// Only failed and dead ones (`--failed`).
    public var failedOnly: Bool
    public var state: DeliveryState?
    public var township: String?
    public var limit: Int

    public init(failedOnly: Bool = false, state: DeliveryState? = nil, township: String? = nil, limit: Int = 100) {
        self.failedOnly = failedOnly
        self.state = state
        self.township = township
        self.limit = limit
    }
}
