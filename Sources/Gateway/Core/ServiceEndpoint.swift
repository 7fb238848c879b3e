import ZeroMQ

/// Where one service takes requests, and the CurveZMQ role to reach it with (nil: plain, for
/// loopback without keys).
public struct ServiceEndpoint: Sendable {
    public var requests: String
    public var curve: CurveRole?

    public init(requests: String, curve: CurveRole? = nil) {
        self.requests = requests
        self.curve = curve
    }
}
