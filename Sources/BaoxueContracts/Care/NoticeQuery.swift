/// Which notices to list, newest first: by place, or one surrogate parent's.
public struct NoticeQuery: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    public var surrogate: Int64?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, surrogate: Int64? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.surrogate = surrogate
        self.limit = limit
    }
}
