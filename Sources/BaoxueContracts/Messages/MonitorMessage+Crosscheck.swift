/// The roster and cross-check messages of the monitoring service (DOMAIN.md rule 5).
extension MonitorMessage {
    /// The household-registration roster, upserted by ID number.
    public static let importRoster = Message<RosterBatch, ImportReport>("monitor.roster.import")
    public static let runCrosscheck = Message<CrosscheckRunRequest, CrosscheckReport>("monitor.crosscheck.run")
    public static let listSuspects = Message<SuspectQuery, [Suspect]>("monitor.crosscheck.list")
    public static let verifySuspect = Message<SuspectVerification, VerifiedSuspect>("monitor.crosscheck.verify")
    /// One of the three ledgers (school-age, suspects, dropouts), as a table.
    public static let exportLedger = Message<LedgerRequest, LedgerTable>("monitor.ledger.export")
}
