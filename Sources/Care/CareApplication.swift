import BaoxueService
import Logging
import ServiceLifecycle

/// The care service assembled from its configuration on a ``ServiceKit``: it follows the registry
/// (its replica of children) and the monitor (warnings and cases on children in its care), serves
/// its requests, and sweeps the 14-day rules on a timer. The executable runs it under a
/// `ServiceGroup`; tests can run it in-process.
///
/// Configuration keys besides the kit's (`care.registry`, `care.registryEvents`,
/// `care.registryPublicKey`, `care.monitor`, `care.monitorEvents`, `care.monitorPublicKey`) and
/// ``ServiceConfiguration``'s shared ones: `care.sweepSeconds` (int, default 300) and
/// ``CareSettings``' limits and clock.
public struct CareApplication: ServiceApplication {
    public let kit: ServiceKit
    public let store: CareStore
    let sweepInterval: Duration

    public init(configuration: ServiceConfiguration, logger: Logger, settings: CareSettings? = nil) async throws {
        kit = try await ServiceKit(.care, configuration: configuration, logger: logger, migrator: CareSchema.migrator)
        let store = CareStore(settings: try settings ?? CareSettings(configuration: configuration))
        self.store = store
        let replica = store.replica, notices = store.notices
        try await kit.follow(.registry) { db, event in try replica.apply(db, event, today: store.settings.today()) }
        try await kit.follow(.monitor) { db, event in try notices.apply(db, event) }
        try await kit.serve(CareService(kit: kit, store: store).router, counts: CareStore.counts)
        sweepInterval = .seconds(max(configuration.reader.int(forKey: "care.sweepSeconds", default: 300), 1))
    }

    public var services: [any Service] {
        kit.services + [CareSweepService(kit: kit, store: store, interval: sweepInterval)]
    }
}
