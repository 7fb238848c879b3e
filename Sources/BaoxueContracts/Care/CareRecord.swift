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
        // Leaving at 16 is dated on the 16th birthday, and so is the end of the surrogate parent
        // that leaving ends: neither date goes beside a masked number (decision 111).
        let birthday = entry.reasons.contains(.aged16) ? entry.leftOn : nil
        if let birthday {
            copy.history = history.filter { $0.date != birthday }
            copy.assignments = assignments.map { assignment in
                var assignment = assignment
                if assignment.endedOn == birthday { assignment.endedOn = nil }
                return assignment
            }
        }
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
