/// Filters for `registry.changes.list`: recent changes, or only those lacking documents.
public struct ChangeQuery: Codable, Sendable {
    public var township: String?
    public var school: String?
    public var incompleteOnly: Bool
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, incompleteOnly: Bool = false, limit: Int = 100) {
        self.township = township
        self.school = school
        self.incompleteOnly = incompleteOnly
        self.limit = limit
    }

    /// Every field may be omitted: `{}` lists the 100 latest changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        incompleteOnly = try c.decodeIfPresent(Bool.self, forKey: .incompleteOnly) ?? false
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
