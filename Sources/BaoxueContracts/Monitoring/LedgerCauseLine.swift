/// One cause's line of the monthly ledger report. A case with several causes counts under each,
/// so cause lines may add up to more than the total; `cause` is absent for cases whose cause is
/// not recorded yet (a four-week absence opens a case before anyone knows why).
public struct LedgerCauseLine: Codable, Sendable, Equatable {
    public var cause: DropoutCause?
    public var counts: LedgerCounts

    public init(cause: DropoutCause?, counts: LedgerCounts) {
        self.cause = cause
        self.counts = counts
    }
}
