/// Runs the cross-check now (`monitor.crosscheck.run`). County roles only.
public struct CrosscheckRunRequest: Codable, Sendable {
    public init() {}
}

/// What one cross-check run found and changed in the suspected-dropout ledger.
public struct CrosscheckReport: Codable, Sendable, Equatable {
    /// Children found by each comparison (open suspects after the run; verified ones excluded).
    public struct ReasonCounts: Codable, Sendable, Equatable {
        public var rosterNotEnrolled = 0
        public var enrolledNotInClass = 0
        public var poorDropout = 0
        public var familyListNotEnrolled = 0

        public init() {}

        public subscript(reason: CrosscheckReason) -> Int {
            get {
                switch reason {
                case .rosterNotEnrolled: rosterNotEnrolled
                case .enrolledNotInClass: enrolledNotInClass
                case .poorDropout: poorDropout
                case .familyListNotEnrolled: familyListNotEnrolled
                }
            }
            set {
                switch reason {
                case .rosterNotEnrolled: rosterNotEnrolled = newValue
                case .enrolledNotInClass: enrolledNotInClass = newValue
                case .poorDropout: poorDropout = newValue
                case .familyListNotEnrolled: familyListNotEnrolled = newValue
                }
            }
        }
    }

    /// The county's date the run used.
    public var today: CivilDate
    /// Compulsory-school age: born on or after `bornFrom` and on or before `bornTo` (6 by
    /// 31 August of the school year, up to 15).
    public var bornFrom: CivilDate
    public var bornTo: CivilDate
    /// Roster children, and those of compulsory-school age.
    public var rosterChildren: Int
    public var schoolAge: Int
    public var byReason: ReasonCounts
    /// Suspects new in this run, and cleared ones found again.
    public var opened: Int
    public var reopened: Int
    /// Open before and still found.
    public var stillOpen: Int
    /// Open before and no longer found: closed with the reason.
    public var closed: Int
    /// Verified before and found again: they stay verified.
    public var verifiedKept: Int
    /// Open after the run, and how many of them are registered poor.
    public var open: Int
    public var openRegisteredPoor: Int
    public var milliseconds: Double

    public init(today: CivilDate, bornFrom: CivilDate, bornTo: CivilDate, rosterChildren: Int = 0, schoolAge: Int = 0, byReason: ReasonCounts = ReasonCounts(), opened: Int = 0, reopened: Int = 0, stillOpen: Int = 0, closed: Int = 0, verifiedKept: Int = 0, open: Int = 0, openRegisteredPoor: Int = 0, milliseconds: Double = 0) {
        self.today = today
        self.bornFrom = bornFrom
        self.bornTo = bornTo
        self.rosterChildren = rosterChildren
        self.schoolAge = schoolAge
        self.byReason = byReason
        self.opened = opened
        self.reopened = reopened
        self.stillOpen = stillOpen
        self.closed = closed
        self.verifiedKept = verifiedKept
        self.open = open
        self.openRegisteredPoor = openRegisteredPoor
        self.milliseconds = milliseconds
    }
}
