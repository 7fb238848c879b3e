/// One payment (发放记录): one child, one program, one term, its amount and funding split, and
/// where it stands with the bank. The child is masked; ``id`` is the reference the bank's result
/// file names it by (支付编号).
public struct Payment: Codable, Sendable, Equatable {
    public var id: Int64
    /// Masked student number.
    public var student: String
    public var studentName: String
    public var township: String
    public var school: String
    public var grade: Int
    public var program: String
    public var term: Term
    public var amountFen: Int64
    public var split: FundingSplit
    public var state: PaymentState
    public var batch: Int64
    /// 1 for a batch's payment; a reissue of a failed one counts on.
    public var attempt: Int
    /// The failed payment this one reissues.
    public var reissueOf: Int64?
    public var failure: String?
    public var settledOn: CivilDate?
    public var recordedAt: String

    public init(id: Int64, student: String, studentName: String, township: String, school: String, grade: Int, program: String, term: Term, amountFen: Int64, split: FundingSplit, state: PaymentState, batch: Int64, attempt: Int, reissueOf: Int64?, failure: String?, settledOn: CivilDate?, recordedAt: String) {
        self.id = id
        self.student = student
        self.studentName = studentName
        self.township = township
        self.school = school
        self.grade = grade
        self.program = program
        self.term = term
        self.amountFen = amountFen
        self.split = split
        self.state = state
        self.batch = batch
        self.attempt = attempt
        self.reissueOf = reissueOf
        self.failure = failure
        self.settledOn = settledOn
        self.recordedAt = recordedAt
    }
}
