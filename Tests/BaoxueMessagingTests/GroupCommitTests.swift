import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB
import Synchronization
import Testing

/// Group commit (decisions 130, 131) against a real SQLite file: writes that queue behind a busy
/// writer share one transaction, yet each caller sees what a transaction of its own would give.
@Suite struct GroupCommitTests {
    /// A WAL file with a table of names and a child table whose foreign key is checked only at
    /// commit, so a test can make a whole round's commit fail.
    static func database() throws -> (DatabasePool, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString).sqlite").path
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE name (value TEXT PRIMARY KEY)")
            try db.execute(sql: "CREATE TABLE child (parent TEXT NOT NULL REFERENCES name(value) DEFERRABLE INITIALLY DEFERRED)")
            try RequestJournal.migrate(db)
        }
        return (pool, path)
    }

    /// Counts the commits of a connection.
    final class CommitCounter: TransactionObserver, @unchecked Sendable {
        private let commits = Mutex(0)
        var count: Int { commits.withLock { $0 } }
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits.withLock { $0 += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    /// Starts a write, through `write`, that inserts `first` and holds the writer until `release`
    /// is signalled; returns once it holds it: the writes made meanwhile wait behind it.
    static func holdWriter(release: DispatchSemaphore, _ write: @escaping @Sendable (@escaping @Sendable (Database) throws -> Void) async throws -> Void) async -> Task<Void, any Error> {
        let holding = DispatchSemaphore(value: 0)
        let task = Task {
            try await write { db in
                try db.execute(sql: "INSERT INTO name (value) VALUES ('first')")
                holding.signal()
                release.wait()
            }
        }
        await Task.detached { holding.wait() }.value
        return task
    }

    /// Holds the writer with a first write, starts `count` writes meanwhile (they queue up as
    /// one round), then lets the writer go and waits for all of them.
    static func oneRound(_ commits: GroupCommit, _ count: Int, _ write: @escaping @Sendable (Int) async -> Void) async throws {
        let release = DispatchSemaphore(value: 0)
        let first = await holdWriter(release: release) { try await commits.write($0) }
        let writes = Task {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<count { group.addTask { await write(index) } }
            }
        }
        // Released once all of them wait, not after a fixed pause: on two busy cores their
        // tasks can take long to start, and a late one would make a round of its own.
        let deadline = ContinuousClock.now + .seconds(30)
        while commits.waitingCount < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(commits.waitingCount == count)
        release.signal()
        try await first.value
        await writes.value
    }

    @Test func writesThatQueueShareOneCommitAndEachGetsItsOwnResult() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let counter = CommitCounter()
        try await pool.writeWithoutTransaction { db in db.add(transactionObserver: counter, extent: .observerLifetime) }
        let commits = GroupCommit(writer: pool, writesInline: true)
        let results = Mutex<[Int: Int]>([:])
        try await Self.oneRound(commits, 20) { index in
            let seen = try? await commits.write { db -> Int in
                try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["n\(index)"])
                // What the writes before it in the round wrote is visible, as after a commit.
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM name")!
            }
            results.withLock { $0[index] = seen }
        }

        let seen = results.withLock { $0 }
        #expect(seen.count == 20)
        // Each write saw the first one and every write of its round before it: 2…21, once each.
        #expect(Set(seen.values) == Set(2...21))
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") } == 21)
        // The held write, then the twenty in one round.
        #expect(counter.count == 2)
    }

    @Test func aWriteThatThrowsRollsBackItsOwnSavepointOnly() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let commits = GroupCommit(writer: pool, writesInline: true)
        let outcomes = Mutex<[Int: Bool]>([:])
        try await Self.oneRound(commits, 9) { index in
            do {
                try await commits.write { db in
                    try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["n\(index)"])
                    if index % 3 == 1 { throw ServiceError(.requestInvalid, "refused \(index)") }
                }
                outcomes.withLock { $0[index] = true }
            } catch {
                #expect((error as? ServiceError)?.message == "refused \(index)")
                outcomes.withLock { $0[index] = false }
            }
        }

        #expect(outcomes.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<9).map { ($0, $0 % 3 != 1) }))
        let kept = try await pool.read { try String.fetchAll($0, sql: "SELECT value FROM name ORDER BY value") }
        #expect(kept == ["first", "n0", "n2", "n3", "n5", "n6", "n8"])
    }

    @Test func aRoundWhoseCommitFailsAnswersEveryWriteInItWithTheErrorAndKeepsNone() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let commits = GroupCommit(writer: pool, writesInline: true)
        let failures = Mutex(0)
        try await Self.oneRound(commits, 5) { index in
            do {
                try await commits.write { db in
                    try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["n\(index)"])
                    // An orphan: accepted by its statement and its savepoint, refused at COMMIT.
                    if index == 2 { try db.execute(sql: "INSERT INTO child (parent) VALUES ('nobody')") }
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }

        #expect(failures.withLock { $0 } == 5)
        let kept = try await pool.read { try String.fetchAll($0, sql: "SELECT value FROM name") }
        #expect(kept == ["first"])
        // The next round is not affected.
        try await commits.write { db in try db.execute(sql: "INSERT INTO name (value) VALUES ('after')") }
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") } == 2)
    }

    @Test func aRetriedRequestInTheSameRoundIsAppliedOnceAndAnsweredAlike() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let commits = GroupCommit(writer: pool, writesInline: true)
        let context = RequestContext(requestID: "r-1", type: "name.add", actor: .system, bodyDigest: "d")
        let answers = Mutex<[Int]>([])
        try await Self.oneRound(commits, 3) { _ in
            let answer = try? await RequestJournal.once(commits, context: context) { db -> Int in
                try db.execute(sql: "INSERT INTO name (value) VALUES ('once')")
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM name")!
            }
            if let answer { answers.withLock { $0.append(answer) } }
        }

        #expect(answers.withLock { $0 } == [2, 2, 2])
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") } == 2)
    }

    /// The hook the publisher uses: run once per committed round, on the writer's connection,
    /// with the round's writes committed; never for a round that failed.
    @Test func theAfterCommitHookSeesEachCommittedRoundOnce() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let seen = Mutex<[Int]>([])
        let commits = GroupCommit(writer: pool, writesInline: true) { db in
            let count = (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM name")) ?? -1
            seen.withLock { $0.append(count) }
        }
        try await Self.oneRound(commits, 4) { index in
            _ = try? await commits.write { db in try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["n\(index)"]) }
        }
        await #expect(throws: (any Error).self) {
            try await commits.write { db in try db.execute(sql: "INSERT INTO child (parent) VALUES ('nobody')") }
        }
        #expect(seen.withLock { $0 } == [1, 5])
    }

    /// Decision 151: a round carries writes up to its weight, oldest first; a write heavier than
    /// the bound (an import batch) is a round of its own, and the writes behind it wait for the
    /// next round rather than jumping ahead of it.
    @Test func aRoundStopsAtItsWeightAndAHeavyWriteGoesAlone() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Each round's writes, as the after-commit hook finds them: the names added since the last.
        let rounds = Mutex<[[String]]>([])
        let commits = GroupCommit(writer: pool, heaviestRound: 100, writesInline: true) { db in
            let all = (try? String.fetchAll(db, sql: "SELECT value FROM name ORDER BY rowid")) ?? []
            rounds.withLock { $0.append(Array(all.dropFirst($0.joined().count))) }
        }
        let release = DispatchSemaphore(value: 0)
        let first = await Self.holdWriter(release: release) { try await commits.write($0) }
        // Queued one at a time, so their order is known.
        let weights = [60, 30, 20, 500, 5, 5, 90, 10]
        var writes: [Task<Void, any Error>] = []
        for (index, weight) in weights.enumerated() {
            writes.append(Task {
                try await commits.write(weight: weight) { db in try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["w\(index)"]) }
            })
            let deadline = ContinuousClock.now + .seconds(30)
            while commits.waitingCount < index + 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
        }
        #expect(commits.waitingCount == weights.count)
        release.signal()
        try await first.value
        for write in writes { try await write.value }

        #expect(rounds.withLock { $0 } == [["first"], ["w0", "w1"], ["w2"], ["w3"], ["w4", "w5", "w6"], ["w7"]])
    }

    /// Decision 160: a write alone in its round has no savepoint; work that throws rolls the
    /// whole transaction back, so what it wrote before throwing is gone, its caller gets the
    /// error, the after-commit hook does not run for it, and the next write goes on as before.
    @Test func aWriteAloneThatThrowsLeavesNothingBehind() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hooks = Mutex(0)
        let commits = GroupCommit(writer: pool, writesInline: true) { _ in hooks.withLock { $0 += 1 } }
        await #expect(throws: ServiceError.self) {
            try await commits.write { db in
                try db.execute(sql: "INSERT INTO name (value) VALUES ('half')")
                try db.execute(sql: "INSERT INTO name (value) VALUES ('way')")
                throw ServiceError(.requestInvalid, "refused")
            }
        }
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") } == 0)
        #expect(hooks.withLock { $0 } == 0)
        try await commits.write { db in try db.execute(sql: "INSERT INTO name (value) VALUES ('next')") }
        #expect(try await pool.read { try String.fetchAll($0, sql: "SELECT value FROM name") } == ["next"])
        #expect(hooks.withLock { $0 } == 1)
        #expect(commits.waitingCount == 0)
    }

    /// The same for a write that waited behind another and then makes a round of one.
    @Test func aWaitingWriteAloneInItsRoundThatThrowsLeavesNothingBehind() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let commits = GroupCommit(writer: pool, writesInline: true)
        let refused = Mutex<String?>(nil)
        try await Self.oneRound(commits, 1) { _ in
            do {
                try await commits.write { db in
                    try db.execute(sql: "INSERT INTO name (value) VALUES ('half')")
                    throw ServiceError(.requestInvalid, "refused")
                }
            } catch {
                refused.withLock { $0 = (error as? ServiceError)?.message }
            }
        }
        #expect(refused.withLock { $0 } == "refused")
        #expect(try await pool.read { try String.fetchAll($0, sql: "SELECT value FROM name") } == ["first"])
        #expect(commits.waitingCount == 0)
    }

    @Test func aWriteAloneIsCommittedBeforeItReturns() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let commits = GroupCommit(writer: pool, writesInline: true)
        for index in 0..<3 {
            try await commits.write { db in try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["n\(index)"]) }
            // Another connection sees it at once: it was committed, not queued.
            let other = try DatabaseQueue(path: path)
            #expect(try await other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") } == index + 1)
        }
    }

    /// Decision 132: writes run on the calling thread of the concurrency pool, but at most one at
    /// a time per process. Behind a long write (a sweep, on GRDB's own queue) as many group-
    /// committed writes as the pool has threads wait, yet a read still runs: had each of them
    /// blocked a pool thread, none would be left for it until the long write ended.
    @Test func writesWaitingBehindALongWriteLeaveThePoolAThreadForReads() async throws {
        let (pool, path) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let release = DispatchSemaphore(value: 0)
        let long = await Self.holdWriter(release: release) { try await pool.write($0) }
        // Released when the read has finished, or after 30 s whatever happened: the watchdog is a
        // thread of its own, so a starved pool cannot keep the test from ending.
        let readDone = DispatchSemaphore(value: 0)
        let readInTime = Mutex(false)
        Thread {
            let finished = readDone.wait(timeout: .now() + 30) == .success
            readInTime.withLock { $0 = finished }
            release.signal()
        }.start()
        let writers = (0..<max(ProcessInfo.processInfo.activeProcessorCount, 2)).map { _ in GroupCommit(writer: pool, writesInline: true) }
        let writes = Task {
            await withTaskGroup(of: Void.self) { group in
                for (index, commits) in writers.enumerated() {
                    group.addTask { _ = try? await commits.write { db in try db.execute(sql: "INSERT INTO name (value) VALUES (?)", arguments: ["n\(index)"]) } }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        let counted = try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") }
        readDone.signal()
        try await long.value
        await writes.value
        #expect(readInTime.withLock { $0 }, "the read waited for the long write")
        #expect(counted == 0)
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM name") } == 1 + writers.count)
    }
}
