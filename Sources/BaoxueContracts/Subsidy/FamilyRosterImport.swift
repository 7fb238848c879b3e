/// One roster import as the history keeps it, and what applying it did.
public struct FamilyRosterImport: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Rows are arriving.
        case open
        /// Applied: memberships opened and closed as of ``FamilyRosterImport/listedOn``.
        case applied
    }

    public var id: Int64
    public var source: RosterSource
    public var listedOn: CivilDate
    public var fileName: String?
    public var state: State
    public var startedAt: String
    public var startedBy: String
    public var appliedAt: String?
    /// Rows received.
    public var rows: Int
    /// Rows whose ID number is a registered child's.
    public var matched: Int
    /// Rows matching no registered child (adults of the household, or children the schools do
    /// not know), of whom ``unmatchedSchoolAge`` are of compulsory-school age on the list's date.
    public var unmatched: Int
    public var unmatchedSchoolAge: Int
    /// People who came onto one of the source's lists with this import…
    public var joined: Int
    /// …who were on it and still are…
    public var unchanged: Int
    /// …and who left it (missing from this complete file).
    public var left: Int
    /// Whether the file had refused rows, so nobody was taken off a list.
    public var closingSkipped: Bool

    public init(id: Int64, source: RosterSource, listedOn: CivilDate, fileName: String?, state: State, startedAt: String, startedBy: String, appliedAt: String? = nil, rows: Int = 0, matched: Int = 0, unmatched: Int = 0, unmatchedSchoolAge: Int = 0, joined: Int = 0, unchanged: Int = 0, left: Int = 0, closingSkipped: Bool = false) {
        self.id = id
        self.source = source
        self.listedOn = listedOn
        self.fileName = fileName
        self.state = state
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.appliedAt = appliedAt
        self.rows = rows
        self.matched = matched
        self.unmatched = unmatched
        self.unmatchedSchoolAge = unmatchedSchoolAge
        self.joined = joined
        self.unchanged = unchanged
        self.left = left
        self.closingSkipped = closingSkipped
    }
}
