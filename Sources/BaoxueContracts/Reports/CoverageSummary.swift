/// One term's "不漏一人" counts for the summary: the coverage report without its list of
/// children, which a yearly document does not print.
public struct CoverageSummary: Codable, Sendable, Equatable {
    public var term: Term
    public var eligible: Int
    public var covered: Int
    public var excluded: Int
    public var unpaid: Int
    public var failed: Int
    public var awaitingBatch: Int

    public init(_ report: CoverageReport) {
        term = report.term
        eligible = report.eligible
        covered = report.covered
        excluded = report.excluded
        unpaid = report.unpaid
        failed = report.failed
        awaitingBatch = report.awaitingBatch
    }

    /// Covered ÷ eligible, percent rounded down to one decimal; absent when nobody was eligible.
    public var rate: Double? { eligible > 0 ? Double(covered * 1_000 / eligible) / 10 : nil }
}
