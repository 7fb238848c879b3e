/// The cross-check's year (核查比对): children first found as suspected dropouts in the year, how
/// the ones verified in the year turned out, the ones cleared, and those still to verify.
public struct SuspectFigures: Codable, Sendable, Equatable {
    /// First found in the year.
    public var found: Int
    /// Of them, children of registered poor households (建档立卡).
    public var foundRegisteredPoor: Int
    /// Verified in the year, by what the verification found.
    public var verified: [CategoryCount]
    /// Cleared in the year (the child turned out to be on the register after all).
    public var cleared: Int
    /// Still to verify at the year's end (or today).
    public var open: Int

    public struct CategoryCount: Codable, Sendable, Equatable {
        public var category: SuspectCategory
        public var count: Int

        public init(category: SuspectCategory, count: Int) {
            self.category = category
            self.count = count
        }
    }

    public init(found: Int = 0, foundRegisteredPoor: Int = 0, verified: [CategoryCount] = [], cleared: Int = 0, open: Int = 0) {
        self.found = found
        self.foundRegisteredPoor = foundRegisteredPoor
        self.verified = verified
        self.cleared = cleared
        self.open = open
    }

    public var verifiedTotal: Int { verified.reduce(0) { $0 + $1.count } }
}
