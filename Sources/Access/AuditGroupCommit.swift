import BaoxueContracts
import GRDB
import Synchronization

/// Group commit for the audit log (decision 130): the lines of reads that arrive together are
/// written in one transaction, and each caller still waits until its own line is committed. A
/// read is never returned before its line is on disk, and nothing is queued in memory that a
/// crash could lose: a line is either committed before its read is answered, or the read fails.
///
/// One transaction per line cost a write lock, a WAL frame and a commit per look-up, which is
/// what capped single-student reads at about 2,000 a second. Here a commit carries every line
/// that arrived while the previous one was being written, so under load the commits per second
/// stay at what the disk does comfortably while the lines per second follow the requests.
final class AuditGroupCommit: Sendable {
    /// One line to insert, with the statement's arguments already built.
    struct Line: Sendable {
        var arguments: StatementArguments
    }

    private struct Waiting {
        var line: Line
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())

    static let insert = "INSERT INTO audit (at, user, role, via, action, outcome, subject, detail, township, school, subjectRef, subjectRef2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Returns once `line` is committed; throws if it could not be written.
    func write(_ line: Line) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startWriting = state.withLock { state in
                state.waiting.append(Waiting(line: line, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if startWriting {
                Task { await self.drain() }
            }
        }
    }

    /// Writes what is waiting, one transaction per round, until nothing is.
    private func drain() async {
        while true {
            let batch = state.withLock { state in
                let batch = state.waiting
                state.waiting.removeAll(keepingCapacity: true)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try await writer.write { db in
                    let statement = try db.cachedStatement(sql: Self.insert)
                    for waiting in batch { try statement.execute(arguments: waiting.line.arguments) }
                }
                for waiting in batch { waiting.continuation.resume() }
            } catch {
                // One bad line must not fail the others: each is tried alone, and only the
                // lines that cannot be written report the error.
                for waiting in batch {
                    do {
                        try await writer.write { db in try db.cachedStatement(sql: Self.insert).execute(arguments: waiting.line.arguments) }
                        waiting.continuation.resume()
                    } catch {
                        waiting.continuation.resume(throwing: error)
                    }
                }
            }
        }
    }
}
