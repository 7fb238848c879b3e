/// One line's case counts for a month. They balance:
/// `openAtStart + opened − returned − closed = openAtEnd`, because every case that becomes open
/// is counted in `opened` and every case that stops being open in `returned` or `closed`.
public struct LedgerCounts: Codable, Sendable, Equatable {
    /// Open on the day before the month's first day.
    public var openAtStart: Int
    /// Opened, or reopened, on a day in the month (a reopened case counts again).
    public var opened: Int
    /// Returned to school (劝返复学: the registry recorded the return) on a day in the month.
    public var returned: Int
    /// Closed on a day in the month by any other outcome (special education, home teaching,
    /// vocational school, verified elsewhere, emigrated, deceased).
    public var closed: Int
    /// Still open on the month's last day.
    public var openAtEnd: Int

    public init(openAtStart: Int = 0, opened: Int = 0, returned: Int = 0, closed: Int = 0, openAtEnd: Int = 0) {
        self.openAtStart = openAtStart
        self.opened = opened
        self.returned = returned
        self.closed = closed
        self.openAtEnd = openAtEnd
    }
}
