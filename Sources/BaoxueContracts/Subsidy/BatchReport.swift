/// A disbursement batch (发放批次) and what it did: the payments it recorded (one per child, never
/// a second for a child already paid for the program and term), their sum and funding split, and
/// the eligible children it left out with the reason.
public struct BatchReport: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Recording payments; a batch the service stopped in the middle resumes when it starts.
        case running
        case done
        /// Worked out, nothing recorded.
        case dryRun
    }

    /// nil for a dry run.
    public var id: Int64?
    public var term: Term
    public var program: String
    public var township: String?
    public var school: String?
    public var date: CivilDate
    public var state: State
    /// Payments this batch recorded.
    public var paid: Int
    public var amountFen: Int64
    public var split: FundingSplit
    /// Eligible children already paid (or failed and awaiting reissue) for the program and term,
    /// by an earlier or a concurrent batch: not paid again.
    public var alreadyPaid: Int
    public var excluded: Int
    /// Every excluded child when the batch is read alone; empty in lists.
    public var exclusions: [BatchExclusion]
    public var startedAt: String
    public var startedBy: String
    public var finishedAt: String?
    /// The program's amount is a placeholder the county has not set (``SubsidyProgram/placeholder``).
    public var placeholderAmount: Bool

    public init(id: Int64?, term: Term, program: String, township: String?, school: String?, date: CivilDate, state: State, paid: Int, amountFen: Int64, split: FundingSplit, alreadyPaid: Int, excluded: Int, exclusions: [BatchExclusion], startedAt: String, startedBy: String, finishedAt: String?, placeholderAmount: Bool) {
        self.id = id
        self.term = term
        self.program = program
        self.township = township
        self.school = school
        self.date = date
        self.state = state
        self.paid = paid
        self.amountFen = amountFen
        self.split = split
        self.alreadyPaid = alreadyPaid
        self.excluded = excluded
        self.exclusions = exclusions
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.finishedAt = finishedAt
        self.placeholderAmount = placeholderAmount
    }
}
