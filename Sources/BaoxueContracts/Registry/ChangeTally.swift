/// The status changes that took effect in a period, by kind (``ChangeTallyQuery``). Every kind
/// is listed, with zero where none took effect, so a reader never has to guess whether a kind was
/// left out or counted none. `incomplete` counts the changes still lacking a document.
public struct ChangeTally: Codable, Sendable, Equatable {
    public var from: CivilDate
    public var to: CivilDate
    public var township: String?
    public var school: String?
    public var byKind: [KindCount]
    public var incomplete: Int

    /// One kind's count.
    public struct KindCount: Codable, Sendable, Equatable {
        public var kind: StatusChangeKind
        public var count: Int

        public init(kind: StatusChangeKind, count: Int) {
            self.kind = kind
            self.count = count
        }
    }

    public init(from: CivilDate, to: CivilDate, township: String?, school: String?, byKind: [KindCount], incomplete: Int) {
        self.from = from
        self.to = to
        self.township = township
        self.school = school
        self.byKind = byKind
        self.incomplete = incomplete
    }

    /// The count of one kind (zero when none).
    public func count(_ kind: StatusChangeKind) -> Int { byKind.first { $0.kind == kind }?.count ?? 0 }

    /// Every change in the period.
    public var total: Int { byKind.reduce(0) { $0 + $1.count } }
}
