/// The year-end move of a school, a township or the county (升级与毕业): every enrolled child
/// goes up a grade, and those in their school's last grade, in grade 9 or in 大班 graduate.
/// One request for the whole scope, journaled once; each school is promoted at most once per
/// school year, so a retried or repeated request moves no child twice.
public struct PromotionRequest: Codable, Sendable, Equatable {
    /// One school, or every school of one township, or (both nil) the county.
    public var school: String?
    public var township: String?
    /// The day the move takes effect (the graduations' date); between 1 June and 31 October.
    public var date: CivilDate
    /// Count what would move, write nothing.
    public var dryRun: Bool

    public init(school: String? = nil, township: String? = nil, date: CivilDate, dryRun: Bool = false) {
        self.school = school
        self.township = township
        self.date = date
        self.dryRun = dryRun
    }

    /// The school year a promotion on `date` completes (2026 for 2026–2027): one that ends in the
    /// summer of `date`'s year, or nil outside 1 June – 31 October, when no school year ends.
    public static func completedSchoolYear(on date: CivilDate) -> Int? {
        (6...10).contains(date.month) ? date.year - 1 : nil
    }
}
