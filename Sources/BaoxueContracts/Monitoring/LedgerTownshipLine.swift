/// One township's line of the monthly ledger report.
public struct LedgerTownshipLine: Codable, Sendable, Equatable {
    public var township: String
    /// The township's name, which the gateway adds from the registry (the monitor knows codes).
    public var townshipName: String?
    public var counts: LedgerCounts
    /// Children of the township whose status on the register was dropped out on the month's
    /// last day.
    public var dropoutsOnRegister: Int

    public init(township: String, townshipName: String? = nil, counts: LedgerCounts, dropoutsOnRegister: Int) {
        self.township = township
        self.townshipName = townshipName
        self.counts = counts
        self.dropoutsOnRegister = dropoutsOnRegister
    }
}
