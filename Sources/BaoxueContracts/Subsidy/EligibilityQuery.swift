/// `subsidy.eligibility.list`: who is eligible for which program in a term. Scope narrows the
/// township and school.
public struct EligibilityQuery: Codable, Sendable {
    public var term: Term
    public var township: String?
    public var school: String?
    public var program: String?
    public var limit: Int
    /// The previous page's ``EligibilityPage/nextCursor``: opaque, never personal data.
    public var cursor: String?

    public init(term: Term, township: String? = nil, school: String? = nil, program: String? = nil, limit: Int = 100, cursor: String? = nil) {
        self.term = term
        self.township = township
        self.school = school
        self.program = program
        self.limit = limit
        self.cursor = cursor
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decode(Term.self, forKey: .term)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        program = try c.decodeIfPresent(String.self, forKey: .program)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
        cursor = try c.decodeIfPresent(String.self, forKey: .cursor)
    }
}
