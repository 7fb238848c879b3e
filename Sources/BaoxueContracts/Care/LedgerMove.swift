/// One dated line of a child's ledger history (append-only): recorded, entered, left (with the
/// reasons), or the situation updated without a move.
public struct LedgerMove: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case recorded, entered, left, updated
    }

    public var date: CivilDate
    public var kind: Kind
    public var reasons: [LedgerReason]
    public var actor: String
    /// When it was written (ISO 8601 UTC).
    public var at: String

    public init(date: CivilDate, kind: Kind, reasons: [LedgerReason], actor: String, at: String) {
        self.date = date
        self.kind = kind
        self.reasons = reasons
        self.actor = actor
        self.at = at
    }
}
