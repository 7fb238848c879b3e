/// One line of ``MonitorYearFigures``: the county (no township, no school), a township, or a
/// school, with the register's and the ledger's figures at the year's end (``TargetFigures``,
/// the consolidation rate included), the cross-check suspects still to verify, and the year's
/// home-delivered teaching.
public struct AreaFigures: Codable, Sendable, Equatable {
    public var township: String?
    public var school: String?
    /// The school's name; the gateway adds a township's.
    public var name: String?
    public var register: TargetFigures
    /// Suspects (疑似辍学) still to verify at the year's end (or today).
    public var suspectsOpen: Int
    public var teaching: TeachingFigures

    public init(township: String?, school: String?, name: String?, register: TargetFigures, suspectsOpen: Int, teaching: TeachingFigures) {
        self.township = township
        self.school = school
        self.name = name
        self.register = register
        self.suspectsOpen = suspectsOpen
        self.teaching = teaching
    }
}
