/// The monthly dropout ledger report (台账月报) provinces send up by the 15th: cases opened,
/// returned, closed and still open, by township and by cause, with totals, and the dropouts on
/// the register at the month's end. Dates are county dates (UTC+8); a case counts in the month
/// its event is dated in, not the month it was typed in (docs/decisions.md).
public struct LedgerReport: Codable, Sendable, Equatable {
    public var month: CivilMonth
    public var from: CivilDate
    public var to: CivilDate
    /// The day the figures describe: the month's last day once it is over, else today.
    public var asOf: CivilDate
    /// Whether the month is over, so the report is final rather than progress.
    public var complete: Bool
    public var township: String?
    public var school: String?
    public var total: LedgerCounts
    /// Children whose status on the register was dropped out on the month's last day.
    public var dropoutsOnRegister: Int
    /// Every township with a case or a dropout in the report, by code.
    public var byTownship: [LedgerTownshipLine]
    /// Every cause with a case in the report, in ``DropoutCause`` order, then unrecorded causes.
    public var byCause: [LedgerCauseLine]

    public init(month: CivilMonth, from: CivilDate, to: CivilDate, asOf: CivilDate, complete: Bool, township: String?, school: String?, total: LedgerCounts, dropoutsOnRegister: Int, byTownship: [LedgerTownshipLine], byCause: [LedgerCauseLine]) {
        self.month = month
        self.from = from
        self.to = to
        self.asOf = asOf
        self.complete = complete
        self.township = township
        self.school = school
        self.total = total
        self.dropoutsOnRegister = dropoutsOnRegister
        self.byTownship = byTownship
        self.byCause = byCause
    }
}
