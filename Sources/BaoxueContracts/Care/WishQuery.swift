/// Which wishes to list, newest first. Scope narrows township and school; the donor list
/// (`care.wishes.donor`) shows posted wishes county-wide unless a state is asked for.
public struct WishQuery: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    public var state: WishState?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, state: WishState? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.state = state
        self.limit = limit
    }
}
