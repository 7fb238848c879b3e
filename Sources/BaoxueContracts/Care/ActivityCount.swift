/// Activities of one kind in one place and month: how many were held, and how many times a
/// left-behind child took part (人次).
public struct ActivityCount: Codable, Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    public var township: String
    /// Absent on township lines.
    public var school: String?
    public var kind: ActivityKind
    public var activities: Int
    public var childTimes: Int

    public init(month: String, township: String, school: String?, kind: ActivityKind, activities: Int, childTimes: Int) {
        self.month = month
        self.township = township
        self.school = school
        self.kind = kind
        self.activities = activities
        self.childTimes = childTimes
    }
}
