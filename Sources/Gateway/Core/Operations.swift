import Access
import BaoxueContracts

/// The gateway's one core of operations: validate, call the services, shape the results, and
/// write the audit log. The CLI and the HTTP routes are two faces of these same calls, so neither
/// can skip the masking or the audit.
///
/// One façade per service area, all sharing the service clients and one ``Auditor``: a new
/// service adds its façade's file and one property here.
public struct Operations: Sendable {
    public let clients: ServiceClients
    public let auditor: Auditor
    public var registry: RegistryOperations
    public var monitor: MonitorOperations
    public let alerts: AlertOperations
    public let calendar: CalendarOperations
    public var targets: TargetOperations
    public var crosscheck: CrosscheckOperations
    public var deliveries: DeliveryOperations
    public var subsidy: SubsidyOperations
    public var care: CareOperations
    public var reports: ReportOperations
    public let access: AccessOperations
    public let services: ServiceOperations

    public init(clients: ServiceClients, access store: AccessStore) {
        self.clients = clients
        let auditor = Auditor(store: store)
        self.auditor = auditor
        let registry = RegistryOperations(clients: clients, auditor: auditor)
        let monitor = MonitorOperations(clients: clients, auditor: auditor)
        let services = ServiceOperations(clients: clients)
        self.registry = registry
        self.monitor = monitor
        alerts = AlertOperations(clients: clients, auditor: auditor)
        calendar = CalendarOperations(clients: clients, auditor: auditor)
        self.services = services
        targets = TargetOperations(clients: clients, auditor: auditor, registry: registry)
        crosscheck = CrosscheckOperations(clients: clients, auditor: auditor, services: services, registry: registry)
        care = CareOperations(clients: clients, auditor: auditor, monitor: monitor)
        deliveries = DeliveryOperations(auditor: auditor, monitor: monitor, alerts: AlertOperations(clients: clients, auditor: auditor))
        access = AccessOperations(auditor: auditor)
        let subsidy = SubsidyOperations(clients: clients, auditor: auditor, monitor: monitor)
        self.subsidy = subsidy
        reports = ReportOperations(clients: clients, auditor: auditor, registry: registry, targets: targets, subsidy: subsidy, care: care)
    }

    /// Users, tokens and the audit log, for fixtures and the CLI's own user management.
    public var accessStore: AccessStore { auditor.store }
}
