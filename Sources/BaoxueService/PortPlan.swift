#if canImport(Glibc)
import Glibc
#endif
import BaoxueContracts

/// Where each service listens by default, from one base port (`--port-base`, default 5550):
/// registry requests base+0 and events base+1, monitor base+2/+3, subsidy base+4/+5, care
/// base+6/+7 (``ServiceName/portSlot``). One number moves a whole installation, so tests and a
/// second county on one host never collide.
public struct PortPlan: Sendable {
    public static let defaultBase = 5550
    public var base: Int
    public var host: String

    public init(base: Int = PortPlan.defaultBase, host: String = "127.0.0.1") {
        self.base = base
        self.host = host
    }

    /// Ports one installation takes from its base: two per service, the later services' too.
    public static var width: Int { 2 * ServiceName.allCases.count }

    public func requests(_ service: ServiceName) -> String {
        "tcp://\(host):\(base + 2 * service.portSlot)"
    }

    public func events(_ service: ServiceName) -> String {
        "tcp://\(host):\(base + 2 * service.portSlot + 1)"
    }
}

extension PortPlan {
    /// The endpoints of `services` on this plan that another process already listens on: what
    /// `baoxue up` refuses to start over. Probed by connecting, not binding, so a port a stopped
    /// installation left in TIME_WAIT (which libzmq's listeners may reuse) does not count.
    public func taken(_ services: [ServiceName]) -> [String] {
        guard host == "127.0.0.1" else { return [] }
        return services.flatMap { [requests($0), events($0)] }.filter { endpoint in
            guard let port = endpoint.split(separator: ":").last.flatMap({ Int($0) }),
                let descriptor = LoopbackSocket.open(.connect, port: port)
            else { return false }
            close(descriptor)
            return true
        }
    }
}
