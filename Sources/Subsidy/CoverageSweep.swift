import BaoxueService
import ServiceLifecycle

/// Resumes the batches a stopped service left running, then keeps the coverage alerts and the
/// children published to the cross-check in step with the passing of days and the registry's
/// events (`subsidy.sweepSeconds`, default 300): a child who joins a list, moves into a school or
/// comes back after a term's batch is found without anyone asking.
struct CoverageSweep: Service {
    let kit: ServiceKit
    let store: SubsidyStore
    let runner: BatchRunner
    let interval: Duration

    func run() async throws {
        await runner.resume()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let store = self.store
                    let (opened, resolved) = try await kit.database.write { db in
                        let today = store.settings.today()
                        try store.rosters.reconcileUnlisted(db, today: today)
                        return try store.coverage.reconcileAlerts(db, pairs: try store.coverage.pairsToWatch(db, today: today))
                    }
                    await kit.publisher.wake()
                    if opened + resolved > 0 {
                        kit.logger.info("coverage sweep", metadata: ["opened": "\(opened)", "resolved": "\(resolved)"])
                    }
                } catch {
                    kit.logger.error("coverage sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
