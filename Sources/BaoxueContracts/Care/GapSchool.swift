/// A school without a home for left-behind children, with how many of its children are on the
/// ledger.
public struct GapSchool: Codable, Sendable, Equatable {
    public var school: String
    public var schoolName: String
    public var township: String
    public var children: Int

    public init(school: String, schoolName: String, township: String, children: Int) {
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.children = children
    }
}
