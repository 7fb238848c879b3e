/// "不漏一人" for a term: every eligible child paid, or a stated reason. ``gaps`` lists the unpaid
/// first (they raise alerts), then the failed, then the stated reasons.
public struct CoverageReport: Codable, Sendable, Equatable {
    public var term: Term
    public var eligible: Int
    /// Credited or awaiting the bank.
    public var covered: Int
    public var unpaid: Int
    public var failed: Int
    public var awaitingBatch: Int
    public var excluded: Int
    public var townships: [CoverageLine]
    public var schools: [CoverageLine]
    public var gaps: [CoverageGap]

    public init(term: Term, eligible: Int, covered: Int, unpaid: Int, failed: Int, awaitingBatch: Int, excluded: Int, townships: [CoverageLine], schools: [CoverageLine], gaps: [CoverageGap]) {
        self.term = term
        self.eligible = eligible
        self.covered = covered
        self.unpaid = unpaid
        self.failed = failed
        self.awaitingBatch = awaitingBatch
        self.excluded = excluded
        self.townships = townships
        self.schools = schools
        self.gaps = gaps
    }
}
