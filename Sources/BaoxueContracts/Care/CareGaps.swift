/// `care.gaps`: what is missing in the caller's scope: children without a surrogate parent
/// (longest waiting first), contacts overdue, schools without a home. Each list is cut at the
/// query's limit; the totals count every one.
public struct CareGaps: Codable, Sendable, Equatable {
    public var asOf: CivilDate
    public var withoutSurrogate: [GapChild]
    public var withoutSurrogateTotal: Int
    public var overdueContacts: [GapChild]
    public var overdueContactsTotal: Int
    public var schoolsWithoutHome: [GapSchool]
    public var schoolsWithoutHomeTotal: Int

    public init(asOf: CivilDate, withoutSurrogate: [GapChild], withoutSurrogateTotal: Int, overdueContacts: [GapChild], overdueContactsTotal: Int, schoolsWithoutHome: [GapSchool], schoolsWithoutHomeTotal: Int) {
        self.asOf = asOf
        self.withoutSurrogate = withoutSurrogate
        self.withoutSurrogateTotal = withoutSurrogateTotal
        self.overdueContacts = overdueContacts
        self.overdueContactsTotal = overdueContactsTotal
        self.schoolsWithoutHome = schoolsWithoutHome
        self.schoolsWithoutHomeTotal = schoolsWithoutHomeTotal
    }
}
