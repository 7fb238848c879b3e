/// What an import did: counts per outcome and every rejected row with its reason.
public struct ImportReport: Codable, Sendable, Equatable {
    public var imported: Int
    public var updated: Int
    public var unchanged: Int
    public var rejected: [RowProblem]

    public init(imported: Int = 0, updated: Int = 0, unchanged: Int = 0, rejected: [RowProblem] = []) {
        self.imported = imported
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
    }

    public var total: Int { imported + updated + unchanged + rejected.count }

    /// Adds another batch's outcome.
    public mutating func merge(_ other: ImportReport) {
        imported += other.imported
        updated += other.updated
        unchanged += other.unchanged
        rejected += other.rejected
    }
}
