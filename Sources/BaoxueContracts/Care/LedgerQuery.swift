/// Which recorded children to list (`care.ledger.list`): on the ledger by default, newest first.
/// Scope narrows township and school further.
public struct LedgerQuery: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    /// nil: active (on the ledger).
    public var state: LedgerState?
    /// Only children with this reason.
    public var reason: LedgerReason?
    /// Only children without a surrogate parent.
    public var withoutSurrogate: Bool?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, state: LedgerState? = nil, reason: LedgerReason? = nil, withoutSurrogate: Bool? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.state = state
        self.reason = reason
        self.withoutSurrogate = withoutSurrogate
        self.limit = limit
    }
}
