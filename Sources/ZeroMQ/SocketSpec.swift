/// What ``MessageLoop/open(_:)`` should make: a socket's pattern, where it binds or connects, and
/// its options. A value, so async code can describe a socket without touching one.
public struct SocketSpec: Sendable {
    public var type: SocketType
    public var bind: [String]
    public var connect: [String]
    /// Topic prefixes, for a subscriber.
    public var subscriptions: [String]
    /// Messages queued per peer before libzmq drops (PUB) or blocks (DEALER). Large by default:
    /// imports send bursts, and subscribers recover anything a publisher drops by replay.
    public var highWaterMark: Int32
    /// A fixed identity for a DEALER, so a ROUTER can tell a reconnecting client (optional).
    public var routingID: String?
    /// CurveZMQ encryption and authentication; `nil` for plain TCP (loopback only).
    public var curve: CurveRole?

    public init(
        type: SocketType, bind: [String] = [], connect: [String] = [], subscriptions: [String] = [],
        highWaterMark: Int32 = 100_000, routingID: String? = nil, curve: CurveRole? = nil
    ) {
        self.type = type
        self.bind = bind
        self.connect = connect
        self.subscriptions = subscriptions
        self.highWaterMark = highWaterMark
        self.routingID = routingID
        self.curve = curve
    }
}
