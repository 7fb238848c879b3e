import Dispatch
import GRDB

/// Checkpoints a service's WAL file from a connection and thread of its own, twenty times a second
/// by default (``defaultIntervalMilliseconds``), and starts the WAL over before the writer would
/// have to.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the
/// writer, and a checkpoint is where `synchronous=NORMAL` pays its fsyncs: every few hundred
/// events one commit took tens of milliseconds, and every alert behind it waited (the p99 of
/// `bench alerts`, docs/performance.md). A passive checkpoint here copies what it can without
/// taking the write lock, so the writer only ever appends to the WAL.
///
/// Copying is not enough under steady writes: SQLite starts the WAL over only when a write begins
/// with every frame already copied, and at a thousand commits a second there is always a newer
/// one. The WAL then grew to the automatic threshold and the writer checkpointed by itself every
/// half second, with a quarter second of frames to sync: 12 to 20 ms on the writer each time
/// (decision 133). So once the WAL passes ``restartThresholdBytes`` this copies twice more, the
/// second pass short, and then runs one last pass on the writer's own connection, in the writer's
/// turn: nothing is committed during it, so it copies every frame, and the next write starts the
/// WAL over. The writer waits for that short pass (a few milliseconds) a few times a minute
/// instead of for its own checkpoint twice a second.
///
/// Copies of a WAL past ``idleCopyBytes`` run at the idle scheduling class (``IdlePriority``,
/// decision 134): each takes a core for tens of milliseconds at the busiest moments, and the
/// services' threads come first. If the WAL runs to twice the threshold anyway (a saturated
/// host), they run at normal priority until it starts over.
///
/// While a service takes bulk writes (``CheckpointPace``, decision 158) the ticks copy only every
/// half second: an import's batches rewrite the same pages, and each copy then covers several.
///
/// It holds the pool weakly and stops once the pool is gone, so it needs no lifecycle wiring;
/// the timer's handler holds the timer, which keeps it alive until then.
public enum WALCheckpointer {
    /// WAL size past which the checkpointer starts it over through the writer: a WAL this size
    /// still answers reads as fast, and the writer's pass comes about once a second at the
    /// busiest moment measured. The sizes here are bytes; SQLite counts the WAL in pages, of the
    /// file's own size (decision 149), and ``attach(to:path:every:restartThresholdBytes:)`` divides.
    public static let restartThresholdBytes = 64 << 20

    /// WAL size (at the last tick) from which the copies run at idle priority: about a tenth of a
    /// second of a county's busiest writes, and below it a copy is too short to matter.
    static let idleCopyBytes = 4 << 20

    /// WAL size past which the writer checkpoints by itself: reached only if this checkpointer
    /// stops, or a long read keeps it from copying (``ServiceDatabase`` sets it).
    public static let safetyThresholdBytes = 256 << 20

    /// Between two ticks (decision 140). Each tick copies what was committed since the last, and a
    /// copy's fsync is where the writer can stall behind the disk: at 1,000 changes a second the
    /// alerts' worst moments came every 250 ms, with the ticks. Smaller, more frequent copies
    /// made them shorter (p99 of `bench alerts --rate 1000`: 6.2–7.5 ms at 250 ms, 5.5–6.2 at
    /// 100, 4.5–5.9 at 50, alternating pairs). A tick with nothing new to copy costs a few
    /// microseconds and no fsync. `database.checkpointMilliseconds` sets it per service.
    public static let defaultIntervalMilliseconds = 50

    /// Starts checkpointing `path` while `pool` lives, every `interval`. Tests pass a short
    /// `interval` and a small `restartThresholdBytes`; `pace`, when given, slows the copies while
    /// bulk writes go on.
    public static func attach(to pool: DatabasePool, path: String, every interval: DispatchTimeInterval = .milliseconds(defaultIntervalMilliseconds), restartThresholdBytes: Int = restartThresholdBytes, pace: CheckpointPace? = nil) throws {
        var configuration = Configuration()
        configuration.label = "checkpointer"
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let pageSize = try connection.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? ServiceDatabase.defaultPageSize
        let restartThreshold = max(1, restartThresholdBytes / pageSize)
        let idleCopyPages = max(1, idleCopyBytes / pageSize)
        let queue = DispatchQueue(label: "baoxue.checkpoint")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        weak let pool = pool
        let state = CheckpointerState()
        timer.setEventHandler { [timer] in
            guard let pool else {
                timer.cancel()
                return
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if let pace, !pace.copies(now: now, lastCopy: state.lastCopy) { return }
            state.lastCopy = now
            // Busy (another checkpoint, a restart) or I/O errors: the next tick tries again,
            // and the safety threshold bounds the WAL meanwhile.
            do {
                // Large copies yield to every other thread, unless the WAL has run far past the
                // threshold: then the host is saturated (an import) and catching up comes first.
                // Small ones (a quiet county, a test) take a few milliseconds and run as they are:
                // an idle thread on a saturated host can wait a long time for a core, and a
                // process being killed waits for it too.
                let idle = state.walPages >= idleCopyPages && state.walPages < 2 * restartThreshold
                let (pass, second) = try idle ? IdlePriority.run { try copyTwice(connection, restartThreshold) } : copyTwice(connection, restartThreshold)
                state.walPages = second?.walFrameCount ?? pass.walFrameCount
                // A read that still needs older frames keeps them from being copied; the writer's
                // pass could not start the WAL over either, so it waits for a later tick.
                guard let second, second.checkpointedFrameCount == second.walFrameCount else { return }
                // The size is kept: the WAL starts over, but the writes that filled it go on.
                try pool.writeWithoutTransaction { try $0.checkpoint(.passive) }
            } catch {}
        }
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
        timer.resume()
    }

    /// A passive checkpoint, and a second one if the WAL has passed `restartThreshold`: it copies
    /// what was committed during the first, so the writer's pass after it is short.
    private static func copyTwice(_ connection: DatabaseQueue, _ restartThreshold: Int) throws -> (first: Checkpoint, second: Checkpoint?) {
        let first = try connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
        guard first.walFrameCount >= restartThreshold else { return (first, nil) }
        return (first, try connection.writeWithoutTransaction { try $0.checkpoint(.passive) })
    }

    private typealias Checkpoint = (walFrameCount: Int, checkpointedFrameCount: Int)
}
