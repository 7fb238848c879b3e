/// How hard the gateway tries: attempts before a delivery is dead, exponential backoff with full
/// jitter between them (a random wait in `0 … min(cap, base·2^(attempt-1))`, so receivers coming
/// back are not hit by every gateway at once), and a time limit per attempt so one slow receiver
/// only ever holds up its own queue.
public struct DeliveryPolicy: Sendable, Equatable {
    /// `gateway.delivery.maxAttempts`, default 8.
    public var maxAttempts: Int
    /// `gateway.delivery.backoffBaseSeconds`, default 2.
    public var backoffBase: Duration
    /// `gateway.delivery.backoffCapSeconds`, default 600 (10 minutes).
    public var backoffCap: Duration
    /// `gateway.delivery.timeoutSeconds`, default 10.
    public var attemptTimeout: Duration
    /// How often an idle queue looks for new work it was not told about (a resend from the CLI,
    /// a webhook added by another process).
    public var idlePoll: Duration

    public init(maxAttempts: Int = 8, backoffBase: Duration = .seconds(2), backoffCap: Duration = .seconds(600), attemptTimeout: Duration = .seconds(10), idlePoll: Duration = .seconds(2)) {
        self.maxAttempts = maxAttempts
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.attemptTimeout = attemptTimeout
        self.idlePoll = idlePoll
    }

    /// The wait after failed attempt number `attempt` (1-based), in milliseconds; `unit` is a
    /// random number in 0..<1 (injected so tests can check the bounds).
    public func backoffMilliseconds(afterAttempt attempt: Int, unit: Double) -> Int64 {
        let base = Double(backoffBase.wholeMilliseconds)
        let cap = Double(backoffCap.wholeMilliseconds)
        let ceiling = min(cap, base * pow2(max(0, attempt - 1)))
        return Int64((ceiling * min(max(unit, 0), 1)).rounded(.down))
    }

    private func pow2(_ exponent: Int) -> Double {
        exponent >= 62 ? Double.greatestFiniteMagnitude : Double(Int64(1) << Int64(exponent))
    }
}
