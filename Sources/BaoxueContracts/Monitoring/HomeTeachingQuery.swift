/// `monitor.teaching.list`: the placements in a township or school (the caller's scope narrows
/// it), current ones unless `ended` asks for those that ended too.
public struct HomeTeachingQuery: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    public var ended: Bool
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, ended: Bool = false, limit: Int = 500) {
        self.township = township
        self.school = school
        self.ended = ended
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey { case township, school, ended, limit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        ended = try c.decodeIfPresent(Bool.self, forKey: .ended) ?? false
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 500
    }
}
