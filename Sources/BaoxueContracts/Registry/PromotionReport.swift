/// What a promotion did (or, for a dry run, would do), school by school.
public struct PromotionReport: Codable, Sendable, Equatable {
    /// The school year completed: 2026 for 2026–2027.
    public var schoolYear: Int
    public var date: CivilDate
    public var dryRun: Bool
    public var schools: [SchoolPromotion]
    public var promoted: Int
    public var graduated: Int

    public init(schoolYear: Int, date: CivilDate, dryRun: Bool, schools: [SchoolPromotion]) {
        self.schoolYear = schoolYear
        self.date = date
        self.dryRun = dryRun
        self.schools = schools
        promoted = schools.reduce(0) { $0 + $1.promoted }
        graduated = schools.reduce(0) { $0 + $1.graduated }
    }
}

/// One school's part of a promotion.
public struct SchoolPromotion: Codable, Sendable, Equatable {
    public var school: String
    public var schoolName: String
    public var township: String
    /// Children moved up a grade.
    public var promoted: Int
    /// Children who graduated.
    public var graduated: Int
    /// When the school was promoted earlier for this school year (then nothing moved now).
    public var alreadyOn: CivilDate?

    public init(school: String, schoolName: String, township: String, promoted: Int, graduated: Int, alreadyOn: CivilDate? = nil) {
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.promoted = promoted
        self.graduated = graduated
        self.alreadyOn = alreadyOn
    }
}
