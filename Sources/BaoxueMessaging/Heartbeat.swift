/// The body of a publisher's heartbeat: `{"epoch": "…"}`, the history its outbox holds
/// (decision 127), so that a subscriber learns of a restore within a second; `{}` from a
/// publisher without one.
public struct Heartbeat: Codable, Sendable {
    public var epoch: String?

    public init(epoch: String?) {
        self.epoch = epoch
    }
}
