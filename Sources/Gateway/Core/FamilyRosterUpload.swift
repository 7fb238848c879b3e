import BaoxueContracts

/// What uploading a family roster did: the import as the subsidy service applied it (who joined,
/// stayed and left a list, who matched no child) and what the file said (rows refused with row
/// and column, columns ignored).
public struct FamilyRosterUpload: Codable, Sendable {
    public var roster: FamilyRosterImport
    public var outcome: ImportOutcome

    public init(roster: FamilyRosterImport, outcome: ImportOutcome) {
        self.roster = roster
        self.outcome = outcome
    }
}
