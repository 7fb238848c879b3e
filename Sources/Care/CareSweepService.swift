import BaoxueService
import ServiceLifecycle

/// Runs the care sweep on a timer (`care.sweepSeconds`, default 300): children turning 16 leave
/// the ledger and the 14-day rules notice the passing of days without anyone asking.
struct CareSweepService: Service {
    let kit: ServiceKit
    let store: CareStore
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await kit.database.write { db in try store.rules.sweep(db, today: store.settings.today()) }
                    await kit.publisher.wake()
                    if report.opened + report.resolved + report.left > 0 {
                        kit.logger.info("care sweep", metadata: ["opened": "\(report.opened)", "resolved": "\(report.resolved)", "left": "\(report.left)", "ms": "\(Int(report.milliseconds))"])
                    }
                } catch {
                    kit.logger.error("care sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
