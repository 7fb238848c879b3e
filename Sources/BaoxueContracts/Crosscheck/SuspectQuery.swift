/// Which suspects to list: registered-poor children first, then by township. Scope narrows
/// township and school further.
public struct SuspectQuery: Codable, Sendable {
    public var township: String?
    public var school: String?
    public var reason: CrosscheckReason?
    /// nil: the open suspects (those still to verify).
    public var state: SuspectState?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, reason: CrosscheckReason? = nil, state: SuspectState? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.reason = reason
        self.state = state
        self.limit = limit
    }
}
