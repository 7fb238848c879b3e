/// One target of a document against its figure: met, not met, or not assessable (nil, for a rate
/// over no children).
public struct TargetResult: Codable, Sendable, Equatable {
    public var kind: TargetKind
    public var target: Double
    public var actual: Double?
    public var met: Bool?

    public init(kind: TargetKind, target: Double, actual: Double?, met: Bool?) {
        self.kind = kind
        self.target = target
        self.actual = actual
        self.met = met
    }
}
