/// `subsidy.rosters.begin`: a source's roster as of a date is about to be sent in batches. The
/// import stays open until ``FamilyRosterFinish``; nothing changes who is eligible before then.
public struct FamilyRosterStart: Codable, Sendable {
    public var source: RosterSource
    /// The date the list describes (its export date): a family missing from it has left the list
    /// on this date, and is no longer eligible from the next term.
    public var listedOn: CivilDate
    /// The uploaded file's name, for the import history.
    public var fileName: String?

    public init(source: RosterSource, listedOn: CivilDate, fileName: String? = nil) {
        self.source = source
        self.listedOn = listedOn
        self.fileName = fileName
    }
}
