/// `subsidy.batches.list`: batches, newest first.
public struct BatchQuery: Codable, Sendable {
    public var term: Term?
    public var program: String?
    public var limit: Int

    public init(term: Term? = nil, program: String? = nil, limit: Int = 100) {
        self.term = term
        self.program = program
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decodeIfPresent(Term.self, forKey: .term)
        program = try c.decodeIfPresent(String.self, forKey: .program)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
