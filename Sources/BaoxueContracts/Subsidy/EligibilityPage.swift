/// One page of eligible children, with the totals of the whole query (every page).
public struct EligibilityPage: Codable, Sendable, Equatable {
    public var term: Term
    /// Children × programs matching the query, on every page.
    public var total: Int
    public var byProgram: [ProgramCount]
    public var children: [EligibleChild]
    /// Pass as ``EligibilityQuery/cursor`` for the next page; nil on the last.
    public var nextCursor: String?

    public init(term: Term, total: Int, byProgram: [ProgramCount], children: [EligibleChild], nextCursor: String?) {
        self.term = term
        self.total = total
        self.byProgram = byProgram
        self.children = children
        self.nextCursor = nextCursor
    }
}
