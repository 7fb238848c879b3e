import BaoxueService
import Logging

/// The registry assembled from its configuration on a ``ServiceKit``. The executable runs it
/// under a `ServiceGroup`; tests can run it in-process.
///
/// Configuration keys besides the kit's and ``ServiceConfiguration``'s shared ones:
/// `registry.documents.<kind>` (``DocumentRequirements/init(configuration:)``).
public struct RegistryApplication: ServiceApplication {
    public let kit: ServiceKit

    public init(configuration: ServiceConfiguration, logger: Logger) async throws {
        kit = try await ServiceKit(.registry, configuration: configuration, logger: logger, migrator: RegistrySchema.migrator, pageSize: RegistrySchema.pageSize)
        let store = RegistryStore(documents: DocumentRequirements(configuration: configuration))
        try await kit.serve(RegistryService(kit: kit, store: store).router, counts: RegistryStore.counts)
    }
}
