/// Which alerts to list, newest first. Scope narrows township and school further.
public struct AlertQuery: Codable, Sendable {
    public var township: String?
    public var school: String?
    /// nil: open and acknowledged (everything not resolved).
    public var state: AlertState?
    public var rule: AlertRule?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, state: AlertState? = nil, rule: AlertRule? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.state = state
        self.rule = rule
        self.limit = limit
    }

    /// Every field may be left out (limit: 100), as the registry's queries allow.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        state = try c.decodeIfPresent(AlertState.self, forKey: .state)
        rule = try c.decodeIfPresent(AlertRule.self, forKey: .rule)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
