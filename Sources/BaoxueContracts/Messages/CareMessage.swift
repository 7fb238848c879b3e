/// The messages the care service (关爱服务) serves and publishes, named once with their bodies for
/// the service, the gateway and `docs/protocol.md` (section 12). Its alerts are answered as every
/// alerting service answers them (`care.alerts.list|get|ack`, the monitor's bodies).
public enum CareMessage {
    // The ledger (留守儿童台账).
    public static let recordChild = Message<LedgerEntryRequest, LedgerEntry>("care.ledger.record")
    public static let importLedger = Message<ImportBatch<LedgerImportRow>, ImportReport>("care.ledger.import")
    public static let listLedger = Message<LedgerQuery, [LedgerEntry]>("care.ledger.list")
    public static let flagged = Message<CareScopeQuery, [FlaggedChild]>("care.ledger.flagged")
    public static let exportLedger = Message<LedgerQuery, CareLedgerTable>("care.ledger.export")
    public static let getChild = Message<CareChildKey, CareRecord>("care.children.get")
    public static let matchChild = Message<MaskedChildKey, CareRecord>("care.children.match")

    // Homes (留守儿童之家).
    public static let recordHome = Message<HomeRequest, Home>("care.homes.record")
    public static let listHomes = Message<CareScopeQuery, [Home]>("care.homes.list")

    // Surrogate parents (代理家长), their children and contacts.
    public static let registerSurrogate = Message<SurrogateRequest, Surrogate>("care.surrogates.register")
    public static let listSurrogates = Message<CareScopeQuery, [Surrogate]>("care.surrogates.list")
    public static let assign = Message<AssignmentRequest, Assignment>("care.assignments.assign")
    public static let endAssignment = Message<AssignmentEnd, Assignment>("care.assignments.end")
    public static let logContact = Message<ContactRequest, Activity>("care.contacts.log")

    // Micro-wishes (微心愿).
    public static let postWish = Message<WishRequest, Wish>("care.wishes.post")
    public static let claimWish = Message<WishClaim, Wish>("care.wishes.claim")
    public static let fulfilWish = Message<WishFulfilment, Wish>("care.wishes.fulfil")
    public static let withdrawWish = Message<WishWithdrawal, Wish>("care.wishes.withdraw")
    public static let listWishes = Message<WishQuery, [Wish]>("care.wishes.list")
    public static let donorWishes = Message<WishQuery, [DonorWish]>("care.wishes.donor")

    // Activities (关爱活动).
    public static let recordActivity = Message<ActivityRequest, Activity>("care.activities.record")
    public static let listActivities = Message<ActivityQuery, [Activity]>("care.activities.list")
    public static let activitySummary = Message<ActivitySummaryQuery, [ActivityCount]>("care.activities.summary")

    // Notices, gaps, figures, the sweep.
    public static let listNotices = Message<NoticeQuery, [Notice]>("care.notices.list")
    public static let gaps = Message<CareScopeQuery, CareGaps>("care.gaps")
    public static let figures = Message<CareFiguresQuery, CareFigures>("care.figures")
    // Alerts, as every alerting service answers them (the monitor's bodies).
    public static let listAlerts = AlertMessage.list(.care)
    public static let getAlert = AlertMessage.get(.care)
    public static let acknowledgeAlert = AlertMessage.acknowledge(.care)
    /// County roles only: runs the time rules now (they also run on a timer).
    public static let sweep = Message<EmptyBody, CareSweepReport>("care.sweep")

    /// Event topics: `care.<kind>.<township>`, so the gateway can route by township.
    public enum Event {
        /// Care alerts, with the ``Alert`` body every alerting service publishes.
        public static let alert = AlertMessage.event(.care)
        /// Notices to a child's surrogate parent and home (``Notice``).
        public static let notice = "care.notice"
    }
}
