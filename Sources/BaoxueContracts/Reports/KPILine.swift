/// One line of the KPI sheet: the county, a township or a school, with the figures township heads
/// hold themselves to. Rates are percents rounded down (two decimals for the register's, one for
/// coverage), absent where there is nothing to divide by.
public struct KPILine: Codable, Sendable, Equatable {
    public enum Level: String, Codable, Sendable, CaseIterable {
        case county, township, school
    }

    public var level: Level
    public var township: String?
    public var school: String?
    public var name: String?
    /// 巩固率 (decision 100); absent when the register's history does not reach the cohort.
    public var consolidationRate: Double?
    /// 在校率: enrolled and suspended ÷ children who should attend.
    public var inSchoolRate: Double?
    public var shouldAttend: Int
    public var droppedOut: Int
    public var casesOpened: Int
    public var casesReturned: Int
    /// Cases open at the year's end (or today): 动态清零 is zero.
    public var openCases: Int
    public var suspectsOpen: Int
    /// This term's aid: eligible children × programs paid or awaiting the bank ÷ eligible.
    public var subsidyCoverage: Double?
    /// Left-behind children with a surrogate parent ÷ those on the ledger.
    public var surrogateCoverage: Double?
    public var teachingLessons: Int
    public var teachingQuota: Int
    public var teachingRate: Double?
    /// Whether the party met every target of its responsibility document; absent with no
    /// document, or while a target cannot be scored.
    public var targetsMet: Bool?

    public init(level: Level, township: String?, school: String?, name: String?, consolidationRate: Double?, inSchoolRate: Double?, shouldAttend: Int, droppedOut: Int, casesOpened: Int, casesReturned: Int, openCases: Int, suspectsOpen: Int, subsidyCoverage: Double?, surrogateCoverage: Double?, teachingLessons: Int, teachingQuota: Int, teachingRate: Double?, targetsMet: Bool?) {
        self.level = level
        self.township = township
        self.school = school
        self.name = name
        self.consolidationRate = consolidationRate
        self.inSchoolRate = inSchoolRate
        self.shouldAttend = shouldAttend
        self.droppedOut = droppedOut
        self.casesOpened = casesOpened
        self.casesReturned = casesReturned
        self.openCases = openCases
        self.suspectsOpen = suspectsOpen
        self.subsidyCoverage = subsidyCoverage
        self.surrogateCoverage = surrogateCoverage
        self.teachingLessons = teachingLessons
        self.teachingQuota = teachingQuota
        self.teachingRate = teachingRate
        self.targetsMet = targetsMet
    }
}
