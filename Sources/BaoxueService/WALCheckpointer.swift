import Dispatch
import GRDB

/// Checkpoints a service's WAL file from a connection and thread of its own, four times a second.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the
/// writer, and a checkpoint is where `synchronous=NORMAL` pays its fsyncs: every few hundred
/// events one commit took tens of milliseconds, and every alert behind it waited (the p99 of
/// `bench alerts`, docs/performance.md). A passive checkpoint here copies what it can without
/// taking the write lock, so the writer only ever appends to the WAL. The automatic checkpoint
/// stays on at a high threshold as a safety net.
///
/// It holds the pool weakly and stops once the pool is gone, so it needs no lifecycle wiring;
/// the timer's handler holds the timer, which keeps it alive until then.
enum WALCheckpointer {
    /// Pages in the WAL past which the writer checkpoints by itself (40 MiB at 4 KiB pages):
    /// reached only if this checkpointer cannot keep up.
    static let safetyThresholdPages = 10_000

    /// Starts checkpointing `path` while `pool` lives.
    static func attach(to pool: DatabasePool, path: String, every interval: DispatchTimeInterval = .milliseconds(250)) throws {
        var configuration = Configuration()
        configuration.label = "checkpointer"
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let queue = DispatchQueue(label: "baoxue.checkpoint")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        weak let pool = pool
        timer.setEventHandler { [timer] in
            guard pool != nil else {
                timer.cancel()
                return
            }
            // Busy (another checkpoint, a restart) or I/O errors: the next tick tries again,
            // and the safety threshold bounds the WAL meanwhile.
            _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
        }
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.resume()
    }
}
