/// `subsidy.coverage.get`: "不漏一人" for a term: who is eligible and not paid, and the coverage
/// ratio per township and school. Scope narrows township and school.
public struct CoverageQuery: Codable, Sendable {
    public var term: Term
    public var program: String?
    public var township: String?
    public var school: String?
    /// Gaps listed at most (the counts cover them all).
    public var limit: Int

    public init(term: Term, program: String? = nil, township: String? = nil, school: String? = nil, limit: Int = 100) {
        self.term = term
        self.program = program
        self.township = township
        self.school = school
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decode(Term.self, forKey: .term)
        program = try c.decodeIfPresent(String.self, forKey: .program)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
