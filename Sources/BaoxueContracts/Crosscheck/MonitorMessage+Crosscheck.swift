/// The roster and cross-check messages of the monitoring service (DOMAIN.md rule 5).
extension MonitorMessage {
    /// ``RosterBatch`` → ``ImportReport``: the household-registration roster, upserted by ID number.
    public static let importRoster = "monitor.roster.import"
    /// ``CrosscheckRunRequest`` → ``CrosscheckReport``.
    public static let runCrosscheck = "monitor.crosscheck.run"
    /// ``SuspectQuery`` → `[Suspect]`.
    public static let listSuspects = "monitor.crosscheck.list"
    /// ``SuspectVerification`` → ``VerifiedSuspect``.
    public static let verifySuspect = "monitor.crosscheck.verify"
    /// ``LedgerRequest`` → ``LedgerTable``.
    public static let exportLedger = "monitor.ledger.export"
}
