import GRDB
import Synchronization

/// Group commit: writes that arrive together share one write transaction, each in a savepoint of
/// its own, and each caller is answered only once that transaction has committed (decisions 130
/// and 131).
///
/// A transaction costs a write lock, the WAL frames of every page it touched, a commit and, in
/// async code, two thread hops. Under load most of that is per transaction, not per write: the
/// request journal's, the outbox's and the audit log's last pages are the same for every write of
/// a round. Here a round carries every write that arrived while the previous round was being
/// written, so the transactions per second stay near what one writer does comfortably while the
/// writes per second follow the load. Alone, a write is its own round, as before.
///
/// A round is bounded twice: by the number of its writes, and by their weight (for a service,
/// the bytes of the requests, decision 151). A bulk write, an import batch of thousands of rows,
/// is a round of its own: several of them in one round made the round as long as all of them,
/// every one of their callers was answered at its end at once, and a client that keeps a window
/// of batches in flight then had nothing in flight while it read and checked the next ones.
///
/// What each caller sees is what it would see with a transaction of its own:
/// - its work runs after the work of every write before it in the round, and sees it;
/// - work that throws rolls back its own savepoint only (a write alone in its round: the round's
///   whole transaction, which is its own), and that caller gets the error;
/// - a round whose commit fails answers every caller in it with that error, and nothing of the
///   round is kept; nothing is ever answered before it is on disk (`synchronous=NORMAL`: in the
///   WAL), so nothing answered can be lost to a crash of the process.
public final class GroupCommit: Sendable {
    /// One caller's write: `run` applies it inside the round's transaction and keeps its outcome,
    /// in a savepoint of its own unless it is `alone` in the round (then what it throws rolls the
    /// round back, its error being the round's); `finish` answers the caller once the round has
    /// committed (nil) or failed (the error).
    private struct Pending: Sendable {
        var weight: Int
        var run: @Sendable (Database, _ alone: Bool) throws -> Void
        var finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var waiting: [Pending] = []
        var writing = false
    }

    private let writer: any DatabaseWriter
    private let largestRound: Int
    private let heaviestRound: Int
    private let afterCommit: (@Sendable (Database) -> Void)?
    private let writesInline: Bool
    private let state = Mutex(State())

    /// - Parameters:
    ///   - largestRound: at most this many writes share a transaction, so one round's
    ///     transaction (and the wait of its first caller) stays short under any load.
    ///   - heaviestRound: the writes of a round weigh at most this much together (see
    ///     ``write(weight:_:)``); a write heavier than that alone is a round of its own.
    ///   - afterCommit: runs on the writer's connection and thread right after each round has
    ///     committed, before its callers are answered (the service's publisher sends the events
    ///     the round wrote, in commit order, without a read transaction of its own).
    ///   - writesInline: rounds are written on the thread of the task that starts them, when no
    ///     other thread of the process writes inline (decision 132): for a service, whose
    ///     concurrency pool mostly carries requests to the writer. Not for the gateway's audit
    ///     lines: its pool serves HTTP, and a round there would take a thread from the requests.
    public init(writer: any DatabaseWriter, largestRound: Int = 64, heaviestRound: Int = .max, writesInline: Bool = false, afterCommit: (@Sendable (Database) -> Void)? = nil) {
        self.writer = writer
        self.largestRound = max(largestRound, 1)
        self.heaviestRound = heaviestRound
        self.writesInline = writesInline
        self.afterCommit = afterCommit
    }

    /// How many writes wait for the next round (what the tests hold a round open for).
    public var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Runs `work` in the next round's transaction, in a savepoint of its own when the round has
    /// other writes; returns its result once the round has committed. `weight` is what the write
    /// counts against the round's `heaviestRound`, in whatever unit the owner chose (a service:
    /// its request's bytes).
    public func write<Output: Sendable>(weight: Int = 1, _ work: @escaping @Sendable (Database) throws -> Output) async throws -> Output {
        // An idle queue: this caller writes its own round, on its own task (no extra hop when
        // there is no load); whatever arrives meanwhile goes to a drainer after it. A write alone
        // in its round, here or in a drainer's, needs no savepoint: the transaction is its own,
        // and work that throws rolls it back whole. A savepoint's two statements, which SQLite
        // prepares afresh each time, were 3% of the registry's CPU at 1,000 status changes a
        // second (decision 160).
        let leads = state.withLock { state in
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
        if leads {
            defer { handOn() }
            return try await writer.write(work, afterCommit: afterCommit, inline: writesInline)
        }
        let outcome = Mutex<Result<Output, any Error>?>(nil)
        let run: @Sendable (Database, Bool) throws -> Void = { db, alone in
            if alone {
                let output = try work(db)
                outcome.withLock { $0 = .success(output) }
                return
            }
            let result = Result { () throws -> Output in
                var output: Output?
                try db.inSavepoint {
                    output = try work(db)
                    return .commit
                }
                return output!
            }
            outcome.withLock { $0 = result }
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Output, any Error>) in
            let pending = Pending(weight: weight, run: run) { failure in
                continuation.resume(with: failure.map { .failure($0) } ?? outcome.withLock { $0 } ?? .failure(CancellationError()))
            }
            let startDrainer = state.withLock { state in
                state.waiting.append(pending)
                if state.writing { return false }
                state.writing = true
                return true
            }
            if startDrainer { Task { await self.drain() } }
        }
    }

    /// The writes waiting, oldest first, up to ``largestRound`` of them and ``heaviestRound`` of
    /// weight together; always the oldest, whatever it weighs.
    private func takeRound() -> [Pending] {
        state.withLock { state in
            var count = 0
            var weight = 0
            for pending in state.waiting.prefix(largestRound) {
                if count > 0, pending.weight > heaviestRound - weight { break }
                count += 1
                weight += min(pending.weight, heaviestRound)
            }
            let round = Array(state.waiting.prefix(count))
            state.waiting.removeFirst(count)
            return round
        }
    }

    /// After a round: a drainer takes over if writes are waiting, else the queue is idle again.
    private func handOn() {
        let more = state.withLock { state in
            if state.waiting.isEmpty { state.writing = false }
            return state.writing
        }
        if more { Task { await self.drain() } }
    }

    /// One transaction; nil when it committed, else why not.
    private func writeRound(_ apply: @escaping @Sendable (Database) throws -> Void) async -> (any Error)? {
        do {
            try await writer.write(apply, afterCommit: afterCommit, inline: writesInline)
            return nil
        } catch {
            return error
        }
    }

    /// Writes rounds until nothing waits.
    private func drain() async {
        while true {
            let round = takeRound()
            guard !round.isEmpty else { return handOn() }
            let alone = round.count == 1
            let failure = await writeRound { db in
                for pending in round { try pending.run(db, alone) }
            }
            for pending in round { pending.finish(failure) }
        }
    }
}
