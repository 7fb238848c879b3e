/// `care.activities.summary`: activities counted per month and kind, by township (and by school
/// with `bySchool`), in a year.
public struct ActivitySummaryQuery: Codable, Sendable, Equatable {
    public var year: Int
    public var township: String?
    public var school: String?
    public var bySchool: Bool

    public init(year: Int, township: String? = nil, school: String? = nil, bySchool: Bool = false) {
        self.year = year
        self.township = township
        self.school = school
        self.bySchool = bySchool
    }
}
