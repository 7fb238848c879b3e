import BaoxueContracts
import BaoxueMessaging

/// The services themselves: whether each answers, and how far the monitor has followed the
/// registry.
public struct ServiceOperations: Sendable {
    let clients: ServiceClients

    /// Each service's health, or why it did not answer; the data counts only for county-wide
    /// roles.
    public func status(actor: Actor) async -> [ServiceProbe] {
        await probe(actor: actor, counts: Role(rawValue: actor.role)?.isCountyWide == true)
    }

    /// Whether each service answers and how its subscriptions fare, without asking it to count
    /// anything: for `/healthz`, which anyone may poll as often as they like.
    public func liveness() async -> [ServiceProbe] {
        await probe(actor: .system, counts: false)
    }

    /// A read with nothing to settle afterwards: no grace past its 2 s, so a service that is down
    /// costs a probe 2 s.
    private static let statusProbe = RequestClient.Policy(timeout: .seconds(2), attempts: 1, grace: .zero)

    private func probe(actor: Actor, counts: Bool) async -> [ServiceProbe] {
        await withTaskGroup(of: (Int, ServiceProbe).self) { group in
            for (index, service) in clients.all.enumerated() {
                group.addTask {
                    let started = ContinuousClock.now
                    do {
                        let health = try await service.client.call(ServiceMessage.status, StatusQuery(counts: counts), actor: actor, policy: Self.statusProbe)
                        return (index, ServiceProbe(service: service.name.rawValue, endpoint: service.client.endpoint, health: health, milliseconds: (ContinuousClock.now - started).seconds * 1000, error: nil))
                    } catch {
                        return (index, ServiceProbe(service: service.name.rawValue, endpoint: service.client.endpoint, health: nil, milliseconds: nil, error: "\(error)"))
                    }
                }
            }
            var probes: [(Int, ServiceProbe)] = []
            for await probe in group { probes.append(probe) }
            return probes.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Waits until the monitor has applied every event the registry has published, so a
    /// cross-check run right after an import compares the roster with the registry as it is now,
    /// not as the monitor's replica was a moment ago.
    ///
    /// - Throws: `service.unavailable` at once when the registry does not answer (there is
    ///   nothing to catch up with), or when the monitor has not caught up within `timeout`.
    public func waitForMonitorToCatchUp(timeout: Duration = .seconds(60)) async throws {
        try await waitToCatchUp(.monitor, timeout: timeout)
    }

    /// The same for any follower and the service it follows: the subsidy service and the
    /// registry before a demo's batches, the monitor and the subsidy service before a cross-check,
    /// the care service and the registry or the monitor before a ledger import.
    ///
    /// Only the two services are asked: a third that is down (the care service while the monitor
    /// catches up with the registry) cost every look its 2 s probe, and the wait was then
    /// measured in steps of 2 s (the scale benchmark's catch-up read 4.1 s at every size).
    public func waitToCatchUp(_ follower: ServiceName, following source: ServiceName = .registry, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        let publishing = clients.client(source), following = clients.client(follower)
        while true {
            async let published = try? publishing.call(ServiceMessage.status, StatusQuery(counts: false), actor: .system, policy: Self.statusProbe)
            async let followed = try? following.call(ServiceMessage.status, StatusQuery(counts: false), actor: .system, policy: Self.statusProbe)
            let (publisher, health) = await (published, followed)
            guard let publisher else { throw ServiceError.unavailable(source.rawValue) }
            if let cursor = health?.cursor(following: source), cursor >= publisher.lastSeq { return }
            guard ContinuousClock.now < deadline else {
                throw ServiceError.unavailable("\(follower.rawValue) (not caught up with \(source.rawValue) within \(timeout))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
