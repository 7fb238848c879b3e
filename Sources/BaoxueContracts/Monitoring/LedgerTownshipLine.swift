/// One township's line of the monthly ledger report.
public struct LedgerTownshipLine: Codable, Sendable, Equatable {
    public var township: String
    public var counts: LedgerCounts
    /// Children of the township whose status on the register was dropped out on the month's
    /// last day.
    public var dropoutsOnRegister: Int

    public init(township: String, counts: LedgerCounts, dropoutsOnRegister: Int) {
        self.township = township
        self.counts = counts
        self.dropoutsOnRegister = dropoutsOnRegister
    }
}
