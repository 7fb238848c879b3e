/// `subsidy.batches.run`: pay one program for one term to every eligible child (of a township or
/// school, or the whole county) who has no payment of it yet. County roles only.
///
/// Sent again with the same request id, it answers the same batch (resuming it if the service
/// stopped in the middle); sent again as a new request, it pays only those still unpaid.
public struct DisbursementRequest: Codable, Sendable {
    public var term: Term
    public var program: String
    public var township: String?
    public var school: String?
    /// The batch date: children whose school career ended before it (dropped out, left the county,
    /// died, graduated) are excluded, and a child is paid by the school holding them on it.
    /// Default: today; never in the future, never outside the term.
    public var date: CivilDate?
    /// Work out the batch and answer it without recording anything.
    public var dryRun: Bool

    public init(term: Term, program: String, township: String? = nil, school: String? = nil, date: CivilDate? = nil, dryRun: Bool = false) {
        self.term = term
        self.program = program
        self.township = township
        self.school = school
        self.date = date
        self.dryRun = dryRun
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decode(Term.self, forKey: .term)
        program = try c.decode(String.self, forKey: .program)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        date = try c.decodeIfPresent(CivilDate.self, forKey: .date)
        dryRun = try c.decodeIfPresent(Bool.self, forKey: .dryRun) ?? false
    }
}
