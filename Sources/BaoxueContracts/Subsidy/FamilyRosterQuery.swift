/// `subsidy.rosters.list`: the roster imports, newest first.
public struct FamilyRosterQuery: Codable, Sendable {
    public var source: RosterSource?
    public var limit: Int

    public init(source: RosterSource? = nil, limit: Int = 100) {
        self.source = source
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decodeIfPresent(RosterSource.self, forKey: .source)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
