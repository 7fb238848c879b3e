/// How one attempt went: the receiver took it, or why not (its status if it answered, and the
/// error with any address masked).
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered(status: Int)
    case failed(status: Int?, error: String)

    public var isDelivered: Bool { if case .delivered = self { true } else { false } }
}
