/// A care list filtered only by place (flagged children, homes, surrogate parents, notices, the
/// gaps): township, school, page size. Scope narrows township and school further.
public struct CareScopeQuery: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.limit = limit
    }
}
