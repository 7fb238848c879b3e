import Dispatch
import Synchronization

/// Whether a service is taking bulk writes (an import's batches), which the checkpointer copies
/// less often (decision 158).
///
/// Twenty copies a second keep the alerts' worst moments short under many small writes (decision
/// 140), but an import's batches are large transactions that rewrite the same index and table
/// pages batch after batch: at that pace each batch's pages were read back from the WAL and
/// written into the database file once each, a tenth of a second after they were written.
/// Copying every half second while bulk writes go on copies each page once for several batches
/// (`bench import`: a quarter fewer bytes read by the registry; rows a second within the host's
/// spread). Small writes beside an import see the slower pace too, for as long as it lasts.
public final class CheckpointPace: Sendable {
    /// How long a bulk write keeps the slower pace after it was last seen: longer than the gap
    /// between two of an import's batches, short enough that the alerts after it are back at
    /// the usual pace within a few ticks.
    static let bulkWindowNanoseconds: UInt64 = 300_000_000

    /// Between two copies while bulk writes go on (or the configured interval, if longer).
    public static let bulkIntervalNanoseconds: UInt64 = 500_000_000

    private let lastBulkWrite = Atomic<UInt64>(0)

    public init() {}

    /// A bulk write arrived or finished, `now` (uptime nanoseconds; the clock is injectable for tests).
    public func noteBulkWrite(now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        lastBulkWrite.store(now, ordering: .relaxed)
    }

    /// Whether a bulk write was seen within ``bulkWindowNanoseconds`` before `now`.
    public func inBulk(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Bool {
        let last = lastBulkWrite.load(ordering: .relaxed)
        return last != 0 && now >= last && now - last < Self.bulkWindowNanoseconds
    }

    /// Whether a tick at `now` copies: always at the usual pace; during bulk writes only once
    /// ``bulkIntervalNanoseconds`` have passed since the last copy.
    func copies(now: UInt64, lastCopy: UInt64) -> Bool {
        !inBulk(now: now) || now < lastCopy || now - lastCopy >= Self.bulkIntervalNanoseconds
    }
}
