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
}
