import BaoxueContracts
import BaoxueMessaging
import GRDB
import Logging
import ServiceLifecycle

/// Runs the sweep on a timer (`monitor.sweepSeconds`, default 300): the time rules notice the
/// passing of days without anyone asking.
struct SweepService: Service {
    let database: DatabasePool
    let store: MonitorStore
    let publisher: EventPublisher
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await database.write { db in try store.sweep(db, today: store.settings.today()) }
                    await publisher.wake()
                    if report.opened + report.resolved + report.casesClosed > 0 {
                        logger.info("sweep", metadata: ["opened": "\(report.opened)", "resolved": "\(report.resolved)", "casesClosed": "\(report.casesClosed)", "ms": "\(Int(report.milliseconds))"])
                    }
                } catch {
                    logger.error("sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
