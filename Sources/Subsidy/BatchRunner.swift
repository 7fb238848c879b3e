import BaoxueService
import GRDB
import Synchronization

/// Carries batches to their end, a slice per transaction, one run per batch in this process: a
/// retried request (same id) whose batch is still under way waits for that run instead of
/// starting a second, and a batch the service was stopped in the middle of is resumed when it
/// starts again (``resume()``).
final class BatchRunner: Sendable {
    let kit: ServiceKit
    let store: SubsidyStore
    private let runs = Mutex<[Int64: Task<Void, any Error>]>([:])

    init(kit: ServiceKit, store: SubsidyStore) {
        self.kit = kit
        self.store = store
    }

    /// Returns once batch `id` is done: run here, or by the run already under way.
    func complete(_ id: Int64) async throws {
        let task = runs.withLock { runs in
            if let running = runs[id] { return running }
            let task = Task { try await self.work(id) }
            runs[id] = task
            return task
        }
        let result = await task.result
        runs.withLock { _ = $0.removeValue(forKey: id) }
        try result.get()
    }

    /// Resumes every batch left running, one after another.
    func resume() async {
        do {
            let left = try await kit.read { db in try self.store.batches.running(db) }
            for (id, _) in left {
                kit.logger.notice("resuming batch", metadata: ["batch": "\(id)"])
                try await complete(id)
            }
        } catch {
            kit.logger.error("resuming batches failed", metadata: ["error": "\(error)"])
        }
    }

    private func work(_ id: Int64) async throws {
        let batches = store.batches, coverage = store.coverage
        let pause = store.settings.slicePause
        while try await kit.database.write({ db in try batches.work(db, batch: id) }) {
            if pause > .zero { try await Task.sleep(for: pause) }
        }
        try await kit.database.write { db in
            try batches.finish(db, batch: id)
            if let batch = try BatchRow.fetch(db, id: id) {
                try coverage.reconcileAlerts(db, pairs: [ProgramTerm(program: batch.programID, term: batch.term.code)])
            }
        }
        await kit.publisher.wake()
    }
}
