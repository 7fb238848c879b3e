/// `subsidy.rosters.finish`: every row of the file has been sent; apply the roster.
public struct FamilyRosterFinish: Codable, Sendable {
    public var importID: Int64
    /// Whether every row of the file was accepted. A file with refused rows adds and keeps the
    /// families it names but takes nobody off a list: a refused row may be a family still on it.
    public var complete: Bool

    public init(importID: Int64, complete: Bool) {
        self.importID = importID
        self.complete = complete
    }
}
