import BaoxueService
import ServiceLifecycle

/// Runs the sweep on a timer (`monitor.sweepSeconds`, default 300): the time rules notice the
/// passing of days without anyone asking.
struct SweepService: Service {
    let kit: ServiceKit
    let store: MonitorStore
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await kit.database.write { db in try store.rules.sweep(db, today: store.settings.today()) }
                    await kit.publisher.wake()
                    if report.opened + report.resolved + report.casesClosed > 0 {
                        kit.logger.info("sweep", metadata: ["opened": "\(report.opened)", "resolved": "\(report.resolved)", "casesClosed": "\(report.casesClosed)", "ms": "\(Int(report.milliseconds))"])
                    }
                } catch {
                    kit.logger.error("sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
