/// `subsidy.rosters.rows`: checked rows of an open roster import, numbered by their row in the
/// file. Sending a batch again (a retry, a second upload of the same file) changes nothing.
public struct FamilyRosterBatch: Codable, Sendable {
    public var importID: Int64
    public var rows: [NumberedRow<FamilyRosterRow>]

    public init(importID: Int64, rows: [NumberedRow<FamilyRosterRow>]) {
        self.importID = importID
        self.rows = rows
    }

    /// Rows per message: a roster row is ~150 bytes of JSON.
    public static let recommendedSize = 20_000
}
