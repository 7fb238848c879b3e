import Foundation
import Logging
import ServiceLifecycle

extension ServiceGroup {
    /// The group a Baoxue process runs its long-running parts in: SIGTERM and SIGINT shut it down
    /// gracefully, and so does the loss of its parent when the environment asks for a
    /// ``ParentWatch`` (`BAOXUE_PARENT_PID`). Every service executable, `baoxue serve` and
    /// `baoxue up` run theirs this way.
    public static func process(_ services: [any Service], logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment) -> ServiceGroup {
        var members = services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        if let watch = ParentWatch(environment: environment, logger: logger) { members.append(watch.groupMember) }
        return ServiceGroup(configuration: ServiceGroupConfiguration(services: members, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }
}
