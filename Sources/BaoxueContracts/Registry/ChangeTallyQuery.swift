/// `registry.changes.tally`: how many status changes of each kind took effect between two days
/// (inclusive, county dates), within a township or school and the actor's scope. The yearly
/// summary's "转入、转出、休学、复学、辍学" figures.
public struct ChangeTallyQuery: Codable, Sendable, Equatable {
    public var from: CivilDate
    public var to: CivilDate
    public var township: String?
    public var school: String?

    public init(from: CivilDate, to: CivilDate, township: String? = nil, school: String? = nil) {
        self.from = from
        self.to = to
        self.township = township
        self.school = school
    }
}
