/// What one sweep of the care rules did: children whose ledger standing changed with the date
/// (turned 16), alerts opened and resolved, and how long it took.
public struct CareSweepReport: Codable, Sendable, Equatable {
    public var today: CivilDate
    /// Children on the ledger swept.
    public var children: Int
    public var left: Int
    public var opened: Int
    public var resolved: Int
    public var milliseconds: Double

    public init(today: CivilDate, children: Int, left: Int, opened: Int, resolved: Int, milliseconds: Double) {
        self.today = today
        self.children = children
        self.left = left
        self.opened = opened
        self.resolved = resolved
        self.milliseconds = milliseconds
    }
}
