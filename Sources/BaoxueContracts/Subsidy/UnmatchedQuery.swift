/// `subsidy.rosters.unmatched`: the people on a current list whose ID number is no registered
/// child's. Scope narrows the township.
public struct UnmatchedQuery: Codable, Sendable {
    public var township: String?
    /// Only those of compulsory-school age today: the children the cross-check looks for.
    public var schoolAgeOnly: Bool
    public var limit: Int

    public init(township: String? = nil, schoolAgeOnly: Bool = false, limit: Int = 100) {
        self.township = township
        self.schoolAgeOnly = schoolAgeOnly
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        schoolAgeOnly = try c.decodeIfPresent(Bool.self, forKey: .schoolAgeOnly) ?? false
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
