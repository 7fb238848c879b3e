/// The consolidation rate of one township, or one school, within a score sheet's scope: the
/// breakdown beside the scope's total, whether or not the party signed a document.
public struct ConsolidationLine: Codable, Sendable, Equatable {
    public var township: String
    /// Filled by the gateway from the registry; the monitor knows townships by code.
    public var townshipName: String?
    /// Absent on a township's line.
    public var school: String?
    public var schoolName: String?
    public var consolidation: ConsolidationRate

    public init(township: String, townshipName: String? = nil, school: String? = nil, schoolName: String? = nil, consolidation: ConsolidationRate) {
        self.township = township
        self.townshipName = townshipName
        self.school = school
        self.schoolName = schoolName
        self.consolidation = consolidation
    }
}
