import Access
import BaoxueService
import BaoxueTestSupport
import Foundation
import BaoxueContracts
import Gateway
import Logging
import Monitoring
import Registry
import ServiceLifecycle

/// The real registry and monitor, run in this process on free ports, so gateway tests exercise
/// real sockets and SQLite without starting executables.
struct InProcessServices {
    let directory = TemporaryDirectory("baoxue-gateway-test")
    let application: RegistryApplication
    let monitor: MonitorApplication
    let running: Task<Void, Never>
    let operations: Operations

    init() async throws {
        let base = FreePorts.base(count: PortPlan.width)
        let configuration = try await ServiceConfiguration(service: "registry", configFile: nil, overrides: ["ports.base": String(base), "registry.data": directory.file("data")])
        application = try await RegistryApplication(configuration: configuration, logger: Logger(label: "registry"))
        let monitorConfiguration = try await ServiceConfiguration(service: "monitor", configFile: nil, overrides: ["ports.base": String(base), "monitor.data": directory.file("data"), "monitor.sweepSeconds": "1"])
        monitor = try await MonitorApplication(configuration: monitorConfiguration, logger: Logger(label: "monitor"))
        let services = application.services + monitor.services
        running = Task {
            await withTaskGroup(of: Void.self) { group in
                for service in services { group.addTask { try? await service.run() } }
            }
        }
        operations = Operations(clients: try await ServiceClients(ports: PortPlan(base: base)), access: try AccessStore(dataDirectory: directory.file("gateway")))
    }

    /// A new user of `role` (scoped to the fixtures' township or school) and their token.
    func token(_ role: Role, name: String? = nil, township: String = RosterFixtures.township, school: String = RosterFixtures.school) throws -> String {
        let user = NewUser(name: name ?? "test-\(role.rawValue)", role: role, township: role == .townshipStaff ? township : nil, school: role == .schoolStaff ? school : nil)
        return try operations.accessStore.add(user).token
    }

    func stop() {
        running.cancel()
        application.kit.shutdown()
        monitor.kit.shutdown()
        directory.remove()
    }
}
