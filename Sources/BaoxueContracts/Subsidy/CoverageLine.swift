/// Coverage of one township or school: eligible children × programs, how many have a payment
/// (credited or awaiting the bank), and the ratio in per mille (997 = 99.7%), an integer so the
/// figure is the same everywhere.
public struct CoverageLine: Codable, Sendable, Equatable {
    public var township: String
    /// nil on a township's own line.
    public var school: String?
    public var schoolName: String?
    public var eligible: Int
    public var covered: Int
    public var gaps: Int
    public var stated: Int

    public init(township: String, school: String?, schoolName: String?, eligible: Int, covered: Int, gaps: Int, stated: Int) {
        self.township = township
        self.school = school
        self.schoolName = schoolName
        self.eligible = eligible
        self.covered = covered
        self.gaps = gaps
        self.stated = stated
    }

    /// Covered per thousand eligible; 1000 when nobody is eligible.
    public var perMille: Int { eligible == 0 ? 1000 : covered * 1000 / eligible }
}
