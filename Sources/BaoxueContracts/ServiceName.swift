/// The services of an installation, in port-plan order. A service, a subscription or a port can
/// only be named from this list, so a typo is a compile error rather than a connection to the
/// wrong port.
public enum ServiceName: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// 学籍服务: schools, students and their status changes.
    case registry
    /// 控辍监测服务: alerts, cases, the cross-check.
    case monitor
    /// 资助服务: aid for children of poor families.
    case subsidy
    /// 关爱服务: left-behind children.
    case care

    /// The services an installation runs: what `baoxue up` starts, `services status` probes and
    /// the gateway connects to. A service joins this list when its executable exists.
    public static let deployed: [ServiceName] = [.registry, .monitor, .subsidy, .care]

    /// The deployed services that raise alerts (`<service>.alert` events with an ``Alert`` body,
    /// and ``AlertMessage``'s list, get and acknowledge): the gateway follows each into its feed,
    /// its stream and the webhooks.
    public static var alerting: [ServiceName] { deployed.filter(\.raisesAlerts) }

    /// Whether the service raises alerts (see ``alerting``).
    public var raisesAlerts: Bool {
        switch self {
        case .monitor, .subsidy, .care: true
        case .registry: false
        }
    }

    /// The services whose events this one follows (it keeps a replica from them): the graph the
    /// CurveZMQ keys are allowed by, and the order `baoxue up` starts them in.
    public var follows: [ServiceName] {
        switch self {
        case .registry: []
        case .monitor: [.registry, .subsidy]
        case .subsidy: [.registry]
        case .care: [.registry, .monitor]
        }
    }

    /// The services that follow this one: besides the gateway, its only clients.
    public var followers: [ServiceName] { ServiceName.allCases.filter { $0.follows.contains(self) } }

    /// The executable that runs it: `baoxue-registry`.
    public var executable: String { "baoxue-\(rawValue)" }

    /// Its place in the port plan: requests at base + 2 × slot, events one above.
    public var portSlot: Int { ServiceName.allCases.firstIndex(of: self)! }

    public var description: String { rawValue }
}
