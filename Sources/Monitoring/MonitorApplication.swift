import BaoxueService
import Logging
import ServiceLifecycle

/// The monitoring service assembled from its configuration on a ``ServiceKit``: it follows the
/// registry, serves its requests, and sweeps the time rules on a timer. The executable runs it
/// under a `ServiceGroup`; tests can run it in-process.
///
/// Configuration keys besides the kit's (`monitor.registry`, `monitor.registryEvents`,
/// `monitor.registryPublicKey`, and the same three for `subsidy`) and ``ServiceConfiguration``'s shared ones: `monitor.sweepSeconds`
/// (int, default 300) and ``MonitorSettings``' thresholds, calendar and clock.
public struct MonitorApplication: ServiceApplication {
    public let kit: ServiceKit
    public let store: MonitorStore
    let sweepInterval: Duration

    public init(configuration: ServiceConfiguration, logger: Logger, settings: MonitorSettings? = nil) async throws {
        kit = try await ServiceKit(.monitor, configuration: configuration, logger: logger, migrator: MonitorSchema.migrator)
        let store = MonitorStore(settings: try settings ?? MonitorSettings(configuration: configuration))
        self.store = store
        try await kit.database.write { db in try store.calendar.load(db, seed: store.settings.calendar) }
        let replica = store.replica
        let registry = try await kit.follow(.registry) { db, event in try replica.apply(db, event, today: store.settings.today()) }
        // The subsidy service's unmatched school-age children, for the cross-check's aid-list
        // comparison. Before the subsidy service ever runs there is nothing to follow; the
        // subscriber connects whenever it appears.
        try await kit.follow(.subsidy) { db, event in try FamilyListStore.apply(db, event) }
        try await kit.serve(MonitorService(kit: kit, store: store, registry: registry).router, counts: MonitorStore.counts)
        sweepInterval = .seconds(max(configuration.reader.int(forKey: "monitor.sweepSeconds", default: 300), 1))
    }

    public var services: [any Service] {
        kit.services + [SweepService(kit: kit, store: store, interval: sweepInterval)]
    }
}
