import BaoxueContracts

/// One alert event as the stream and the webhooks deliver it: the event's sequence number (the
/// SSE `id:`) and the alert in the state it announced.
public struct FeedEntry: Sendable, Equatable {
    public var seq: Int64
    public var alert: Alert

    public init(seq: Int64, alert: Alert) {
        self.seq = seq
        self.alert = alert
    }
}
