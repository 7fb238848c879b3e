import BaoxueService
import Logging
import ServiceLifecycle

/// The subsidy service assembled from its configuration on a ``ServiceKit``: it follows the
/// registry into its replica, serves its requests, resumes interrupted batches and sweeps
/// coverage on a timer. The executable runs it under a `ServiceGroup`; tests run it in-process.
///
/// Configuration keys besides the kit's (`subsidy.registry`, `subsidy.registryEvents`,
/// `subsidy.registryPublicKey`) and ``ServiceConfiguration``'s shared ones:
/// `subsidy.sweepSeconds` (int, default 300, at least 1) and ``SubsidySettings``' programs, batch
/// size and clock.
public struct SubsidyApplication: ServiceApplication {
    public let kit: ServiceKit
    public let store: SubsidyStore
    let runner: BatchRunner
    let sweepInterval: Duration

    public init(configuration: ServiceConfiguration, logger: Logger, settings: SubsidySettings? = nil) async throws {
        let store = SubsidyStore(settings: try settings ?? SubsidySettings(configuration: configuration))
        kit = try await ServiceKit(.subsidy, configuration: configuration, logger: logger, migrator: SubsidySchema.migrator)
        self.store = store
        let replica = store.replica
        try await kit.follow(.registry) { db, event in try replica.apply(db, event) }
        runner = BatchRunner(kit: kit, store: store)
        try await kit.serve(SubsidyService(kit: kit, store: store, runner: runner).router, counts: SubsidyStore.counts)
        sweepInterval = .seconds(max(configuration.reader.int(forKey: "subsidy.sweepSeconds", default: 300), 1))
    }

    public var services: [any Service] {
        kit.services + [CoverageSweep(kit: kit, store: store, runner: runner, interval: sweepInterval)]
    }
}
