/// Why a child is eligible: on which list, since when (and until when, once they have left it).
public struct EligibilityBasis: Codable, Sendable, Equatable {
    public var category: FamilyCategory
    public var source: RosterSource
    public var since: CivilDate
    /// The date of the import that no longer had them; nil while they are on the list.
    public var until: CivilDate?

    public init(category: FamilyCategory, source: RosterSource, since: CivilDate, until: CivilDate? = nil) {
        self.category = category
        self.source = source
        self.since = since
        self.until = until
    }
}
