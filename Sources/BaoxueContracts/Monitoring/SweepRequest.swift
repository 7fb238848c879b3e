/// Runs the time rules now (they also run on a timer). County admins and the system only.
public struct SweepRequest: Codable, Sendable {
    public init() {}
}

/// What one sweep did.
public struct SweepReport: Codable, Sendable, Equatable {
    public var today: CivilDate
    public var children: Int
    public var opened: Int
    public var resolved: Int
    public var casesOpened: Int
    public var casesClosed: Int
    public var milliseconds: Double

    public init(today: CivilDate, children: Int = 0, opened: Int = 0, resolved: Int = 0, casesOpened: Int = 0, casesClosed: Int = 0, milliseconds: Double = 0) {
        self.today = today
        self.children = children
        self.opened = opened
        self.resolved = resolved
        self.casesOpened = casesOpened
        self.casesClosed = casesClosed
        self.milliseconds = milliseconds
    }
}
