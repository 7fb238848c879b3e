/// The live figures a township, a school or a whole scope is scored on, for one year as of its
/// end (or as of today while the year runs). Definitions: docs/decisions.md, "Responsibility
/// targets".
public struct TargetFigures: Codable, Sendable, Equatable {
    /// Children on the register who should be in school: enrolled, suspended, transferred out
    /// and not yet received, or dropped out. Graduated, deceased and left-county children are not.
    public var shouldAttend: Int
    public var enrolled: Int
    public var suspended: Int
    public var transferredOut: Int
    /// Children whose status on the register is dropped out (辍学).
    public var droppedOut: Int
    /// The in-school rate (在校率): (enrolled + suspended) ÷ ``shouldAttend`` in percent, rounded
    /// down to two decimals so that 99.999 never shows as 100; nil when no child should attend.
    /// Named `enrolmentRate` on the wire since before it was told apart from the cohort
    /// consolidation rate (巩固率, ``consolidation``); the name stays so clients keep working.
    public var enrolmentRate: Double?
    /// Cases opened or reopened with a date in the year.
    public var casesOpened: Int
    /// Cases whose child's return (劝返复学) was recorded with a date in the year.
    public var casesReturned: Int
    /// Cases closed in the year by another outcome (special education, home teaching, verified…).
    public var casesClosed: Int
    /// Cases still open at the end of the year (or today).
    public var openCases: Int
    /// The cohort consolidation rate of the school year ending in the figures' year (巩固率:
    /// grade-9 completers ÷ grade-1 entrants eight years before). Absent from a monitor older
    /// than the rate.
    public var consolidation: ConsolidationRate?

    public init(shouldAttend: Int = 0, enrolled: Int = 0, suspended: Int = 0, transferredOut: Int = 0, droppedOut: Int = 0, enrolmentRate: Double? = nil, casesOpened: Int = 0, casesReturned: Int = 0, casesClosed: Int = 0, openCases: Int = 0) {
        self.shouldAttend = shouldAttend
        self.enrolled = enrolled
        self.suspended = suspended
        self.transferredOut = transferredOut
        self.droppedOut = droppedOut
        self.enrolmentRate = enrolmentRate
        self.casesOpened = casesOpened
        self.casesReturned = casesReturned
        self.casesClosed = casesClosed
        self.openCases = openCases
    }

    /// Enrolled or suspended: in school, or away with the school's leave.
    public var inSchool: Int { enrolled + suspended }
}
