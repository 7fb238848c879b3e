import Access
import BaoxueService
import BaoxueTestSupport
import Foundation
import BaoxueContracts
import Care
import Gateway
import Logging
import Monitoring
import Registry
import ServiceLifecycle
import Subsidy

/// The real registry, monitor, subsidy and care services, run in this process on ports the kernel
/// picked, so gateway tests exercise real sockets and SQLite without starting executables.
///
/// Each binds `tcp://127.0.0.1:*`; the monitor follows the registry at the endpoints the registry
/// reports (`monitor.registry`, `monitor.registryEvents`), and the gateway's clients call both
/// there. A test ends with `await services.stop()`; one dropped without it (a thrown error)
/// cancels its services without waiting for them, closes the sockets and removes the files.
final class InProcessServices: Sendable {
    let directory = TemporaryDirectory("baoxue-gateway-test")
    /// These services' place among the few sets that run at once, taken before they start.
    let slot: ServiceSetSlot
    let application: RegistryApplication
    let monitor: MonitorApplication
    let subsidy: SubsidyApplication
    let care: CareApplication
    let running: Task<Void, Never>
    let operations: Operations

    init() async throws {
        slot = await ServiceSetSlot()
        let anyPort = "tcp://127.0.0.1:*"
        let configuration = try await ServiceConfiguration(
            service: "registry", configFile: nil,
            overrides: ["registry.requests": anyPort, "registry.events": anyPort, "registry.data": directory.file("data")])
        application = try await RegistryApplication(configuration: configuration, logger: Logger(label: "registry"))
        guard let registry = application.kit.server?.endpoint else { throw ServiceError.unavailable("the registry bound no request socket") }
        let registryEvents = await application.kit.publisher.endpoint
        let subsidyConfiguration = try await ServiceConfiguration(
            service: "subsidy", configFile: nil,
            overrides: [
                "subsidy.requests": anyPort, "subsidy.events": anyPort, "subsidy.registry": registry, "subsidy.registryEvents": registryEvents,
                "subsidy.data": directory.file("data"), "subsidy.sweepSeconds": "1",
            ])
        subsidy = try await SubsidyApplication(configuration: subsidyConfiguration, logger: Logger(label: "subsidy"))
        guard let subsidyRequests = subsidy.kit.server?.endpoint else { throw ServiceError.unavailable("the subsidy service bound no request socket") }
        let subsidyEvents = await subsidy.kit.publisher.endpoint
        let monitorConfiguration = try await ServiceConfiguration(
            service: "monitor", configFile: nil,
            overrides: [
                "monitor.requests": anyPort, "monitor.events": anyPort, "monitor.registry": registry, "monitor.registryEvents": registryEvents,
                "monitor.subsidy": subsidyRequests, "monitor.subsidyEvents": subsidyEvents,
                "monitor.data": directory.file("data"), "monitor.sweepSeconds": "1",
            ])
        monitor = try await MonitorApplication(configuration: monitorConfiguration, logger: Logger(label: "monitor"))
        guard let monitorRequests = monitor.kit.server?.endpoint else { throw ServiceError.unavailable("the monitor bound no request socket") }
        let monitorEvents = await monitor.kit.publisher.endpoint
        let careConfiguration = try await ServiceConfiguration(
            service: "care", configFile: nil,
            overrides: [
                "care.requests": anyPort, "care.events": anyPort, "care.registry": registry, "care.registryEvents": registryEvents,
                "care.monitor": monitorRequests, "care.monitorEvents": monitorEvents, "care.data": directory.file("data"), "care.sweepSeconds": "1",
            ])
        care = try await CareApplication(configuration: careConfiguration, logger: Logger(label: "care"))
        guard let careRequests = care.kit.server?.endpoint else { throw ServiceError.unavailable("the care service bound no request socket") }
        let services = application.services + monitor.services + subsidy.services + care.services
        running = Task {
            await withTaskGroup(of: Void.self) { group in
                for service in services { group.addTask { try? await service.run() } }
            }
        }
        let clients = try await ServiceClients(ports: PortPlan()) { service in
            ServiceEndpoint(requests: service == .registry ? registry : service == .subsidy ? subsidyRequests : service == .care ? careRequests : monitorRequests)
        }
        operations = Operations(clients: clients, access: try AccessStore(dataDirectory: directory.file("gateway")))
    }

    /// A new user of `role` (scoped to the fixtures' township or school) and their token.
    func token(_ role: Role, name: String? = nil, township: String = RosterFixtures.township, school: String = RosterFixtures.school) throws -> String {
        let user = NewUser(name: name ?? "test-\(role.rawValue)", role: role, township: role == .townshipStaff ? township : nil, school: role == .schoolStaff ? school : nil)
        return try operations.accessStore.add(user).token
    }

    /// Stops the services, waits until they have returned, closes their sockets and removes the
    /// files.
    func stop() async {
        running.cancel()
        await running.value
        application.kit.shutdown()
        monitor.kit.shutdown()
        subsidy.kit.shutdown()
        care.kit.shutdown()
        directory.remove()
        slot.release()
    }

    deinit {
        running.cancel()
        application.kit.shutdown()
        monitor.kit.shutdown()
        subsidy.kit.shutdown()
        care.kit.shutdown()
        directory.remove()
    }
}
