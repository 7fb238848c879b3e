/// A year's documents scored from live data, with the figures of the whole scope (the county for
/// county roles, the township or school for their staff) beside them.
public struct TargetScoreSheet: Codable, Sendable, Equatable {
    public var year: Int
    /// The day the figures describe: the year's last day once it is over, else today.
    public var asOf: CivilDate
    /// Whether the year is over, so the figures are final rather than progress.
    public var complete: Bool
    public var township: String?
    public var school: String?
    public var scores: [TargetScore]
    public var total: TargetFigures
    /// The consolidation rate of each township in scope, then of each school in scope that had an
    /// entrant or a completer to count, whether or not it signed a document. Absent from a
    /// monitor older than the rate.
    public var consolidation: [ConsolidationLine]?

    public init(year: Int, asOf: CivilDate, complete: Bool, township: String?, school: String?, scores: [TargetScore], total: TargetFigures, consolidation: [ConsolidationLine]? = nil) {
        self.year = year
        self.asOf = asOf
        self.complete = complete
        self.township = township
        self.school = school
        self.scores = scores
        self.total = total
        self.consolidation = consolidation
    }
}
