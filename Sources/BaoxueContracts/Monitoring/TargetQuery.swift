/// Which responsibility documents to list (current ones; superseded documents stay on record but
/// are not listed). Scope narrows township and school further: a township user sees their
/// township's document and its schools', a school user their school's.
public struct TargetQuery: Codable, Sendable, Equatable {
    public var year: Int?
    /// Documents of this township and of its schools.
    public var township: String?
    /// The document of this school.
    public var school: String?

    public init(year: Int? = nil, township: String? = nil, school: String? = nil) {
        self.year = year
        self.township = township
        self.school = school
    }
}
