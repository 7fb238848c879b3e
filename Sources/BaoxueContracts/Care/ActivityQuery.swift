/// Which activities to list, newest first: by place, kind and date range.
public struct ActivityQuery: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    public var kind: ActivityKind?
    public var from: CivilDate?
    public var to: CivilDate?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, kind: ActivityKind? = nil, from: CivilDate? = nil, to: CivilDate? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.kind = kind
        self.from = from
        self.to = to
        self.limit = limit
    }
}
