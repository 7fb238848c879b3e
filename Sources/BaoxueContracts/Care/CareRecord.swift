/// One child's care record in full (`care.children.get`, the care section of a case file): the
/// ledger entry and its history, the surrogate parent and the last contact, the school's home,
/// the child's wishes, recent activities and notices.
public struct CareRecord: Codable, Sendable, Equatable {
    public var entry: LedgerEntry
    public var history: [LedgerMove]
    public var surrogate: Surrogate?
    public var assignments: [Assignment]
    public var home: Home?
    public var wishes: [Wish]
    /// The latest 20, newest first.
    public var activities: [Activity]
    /// The latest 20, newest first.
    public var notices: [Notice]

    public init(entry: LedgerEntry, history: [LedgerMove], surrogate: Surrogate?, assignments: [Assignment], home: Home?, wishes: [Wish], activities: [Activity], notices: [Notice]) {
        self.entry = entry
        self.history = history
        self.surrogate = surrogate
        self.assignments = assignments
        self.home = home
        self.wishes = wishes
        self.activities = activities
        self.notices = notices
    }

    /// The record with every phone masked (guardian, parents, contacts, surrogate, home, donors):
    /// what a viewer gets.
    public var maskedCopy: CareRecord {
        var copy = self
        copy.entry = entry.maskedCopy
        copy.surrogate?.phone = surrogate?.phone.map(Masking.phone)
        copy.home?.inCharge = home?.inCharge.masked ?? CareContact(name: "")
        copy.wishes = wishes.map { wish in
            var wish = wish
            wish.donor = wish.donor?.masked
            return wish
        }
        return copy
    }
}
