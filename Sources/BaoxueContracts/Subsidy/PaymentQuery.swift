/// `subsidy.payments.list`: payments, newest first. Scope narrows township and school; a student
/// key (ID or student number) lists one child's.
public struct PaymentQuery: Codable, Sendable {
    public var term: Term?
    public var program: String?
    public var batch: Int64?
    public var state: PaymentState?
    public var township: String?
    public var school: String?
    public var student: String?
    public var limit: Int

    public init(term: Term? = nil, program: String? = nil, batch: Int64? = nil, state: PaymentState? = nil, township: String? = nil, school: String? = nil, student: String? = nil, limit: Int = 100) {
        self.term = term
        self.program = program
        self.batch = batch
        self.state = state
        self.township = township
        self.school = school
        self.student = student
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decodeIfPresent(Term.self, forKey: .term)
        program = try c.decodeIfPresent(String.self, forKey: .program)
        batch = try c.decodeIfPresent(Int64.self, forKey: .batch)
        state = try c.decodeIfPresent(PaymentState.self, forKey: .state)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        student = try c.decodeIfPresent(String.self, forKey: .student)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
