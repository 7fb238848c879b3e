import BaoxueContracts
import BaoxueMessaging

extension Operations {
    /// Waits until the monitor has applied every event the registry has published, so a
    /// cross-check run right after an import compares the roster with the registry as it is now,
    /// not as the monitor's replica was a moment ago.
    ///
    /// - Throws: `service.unavailable` at once when the registry does not answer (there is
    ///   nothing to catch up with), or when the monitor has not caught up within `timeout`.
    public func waitForMonitorToCatchUp(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let probes = await servicesStatus(actor: .system)
            let registry = probes.first { $0.service == "registry" }?.health
            let monitor = probes.first { $0.service == "monitor" }?.health
            guard let registry else { throw ServiceError.unavailable("registry") }
            if let cursor = monitor?.cursor(following: .registry), cursor >= registry.lastSeq { return }
            guard ContinuousClock.now < deadline else {
                throw ServiceError.unavailable("monitor (not caught up with the registry within \(timeout))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
