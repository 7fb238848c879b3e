/// One month of the dropout ledger's trend: cases opened (or reopened) and returned in the month,
/// and cases open at its end (or today, in the month still running). The same counts as the
/// monthly ledger report's total for that month.
public struct MonthCaseFigures: Codable, Sendable, Equatable {
    public var month: CivilMonth
    public var opened: Int
    public var returned: Int
    public var openAtEnd: Int

    public init(month: CivilMonth, opened: Int, returned: Int, openAtEnd: Int) {
        self.month = month
        self.opened = opened
        self.returned = returned
        self.openAtEnd = openAtEnd
    }
}
