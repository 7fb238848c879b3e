/// One batch of roster rows for `monitor.roster.import`. The gateway cuts a population roster
/// (a county's can pass a million rows) into batches of ``ImportBatch/recommendedSize`` so it goes
/// in a few dozen transactions. Decoding is per row, as for students: a row that does not read
/// becomes one entry of ``ImportBatch/invalidRows`` and the others still go in.
public typealias RosterBatch = ImportBatch<RosterChild>

extension ImportBatch where Record == RosterChild {
    /// Rows per message the gateway sends: a roster row is small (~150 bytes of JSON), so a
    /// batch of 20,000 is ~3 MB and one transaction of well under a second in the monitor.
    public static var recommendedSize: Int { 20_000 }
}
