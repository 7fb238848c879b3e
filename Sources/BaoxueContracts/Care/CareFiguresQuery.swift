/// `care.figures`: the county summary's care figures, for a year (wishes and activities of that
/// year; the ledger, surrogates and homes as they stand today), in the caller's scope.
public struct CareFiguresQuery: Codable, Sendable, Equatable {
    public var year: Int
    public var township: String?

    public init(year: Int, township: String? = nil) {
        self.year = year
        self.township = township
    }
}
