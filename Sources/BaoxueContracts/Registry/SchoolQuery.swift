/// Filters for `registry.schools.list`.
public struct SchoolQuery: Codable, Sendable {
    public var township: String?

    public init(township: String? = nil) {
        self.township = township
    }
}
