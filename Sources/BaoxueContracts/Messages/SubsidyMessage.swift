/// The messages the subsidy service (资助服务) serves and publishes. One place names them and their
/// bodies, so the service, the gateway and `docs/protocol.md` agree.
public enum SubsidyMessage {
    /// The programs the county runs (`subsidy.programs` in configuration).
    public static let listPrograms = Message<EmptyBody, [SubsidyProgram]>("subsidy.programs.list")

    /// A roster import: begin, rows in batches, finish. County roles only; journaled.
    public static let beginRoster = Message<FamilyRosterStart, FamilyRosterImport>("subsidy.rosters.begin")
    public static let importRosterRows = Message<FamilyRosterBatch, ImportReport>("subsidy.rosters.rows")
    public static let finishRoster = Message<FamilyRosterFinish, FamilyRosterImport>("subsidy.rosters.finish")
    public static let listRosters = Message<FamilyRosterQuery, [FamilyRosterImport]>("subsidy.rosters.list")
    public static let listUnmatched = Message<UnmatchedQuery, [UnmatchedPerson]>("subsidy.rosters.unmatched")

    public static let listEligible = Message<EligibilityQuery, EligibilityPage>("subsidy.eligibility.list")

    /// A disbursement batch. County roles only; journaled, and resumed after a restart.
    public static let runBatch = Message<DisbursementRequest, BatchReport>("subsidy.batches.run")
    public static let listBatches = Message<BatchQuery, [BatchReport]>("subsidy.batches.list")
    public static let getBatch = Message<RecordID, BatchReport>("subsidy.batches.get")

    public static let listPayments = Message<PaymentQuery, [Payment]>("subsidy.payments.list")
    public static let reissuePayment = Message<PaymentReissue, Payment>("subsidy.payments.reissue")
    /// The bank's results. County roles only; journaled; a row applied twice changes nothing.
    public static let importBankResults = Message<ImportBatch<BankResultRow>, ImportReport>("subsidy.bank.import")

    public static let coverage = Message<CoverageQuery, CoverageReport>("subsidy.coverage.get")
    public static let totals = Message<TotalsQuery, SubsidyTotals>("subsidy.totals.get")
    public static let child = Message<StudentKey, ChildSubsidy>("subsidy.children.get")
    /// The same for the child a case names by masked number and name (a case's 资助 measure).
    public static let matchChild = Message<MaskedChildKey, ChildSubsidy>("subsidy.children.match")

    /// The coverage alerts, with the bodies every alerting service's alert requests have.
    public static let listAlerts = AlertMessage.list(.subsidy)
    public static let getAlert = AlertMessage.get(.subsidy)
    public static let acknowledgeAlert = AlertMessage.acknowledge(.subsidy)

    /// Event topics: `subsidy.<kind>.<township>`, so subscribers can route by township.
    public enum Event {
        /// A school-age child on a family list whom no school holds (``UnlistedChildEvent``).
        public static let unmatched = "subsidy.unmatched"
        /// A payment the bank credited (``Payment``).
        public static let paid = "subsidy.paid"
        /// A coverage alert as it now stands (``Alert``).
        public static let alert = AlertMessage.event(.subsidy)
    }
}
