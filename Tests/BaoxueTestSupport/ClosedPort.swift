import BaoxueService
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A loopback port where nothing listens and nothing else can: a socket bound to port 0 and never
/// put to `listen`, so a connection to it is refused at once and no other socket takes the port
/// while this one holds it. Tests use it for "a service that is not there" and "a webhook
/// receiver that is down", where a probed free port could be taken by then.
///
/// Call ``close()`` once the test is done with the port: it also keeps the port held until then
/// (Swift may end an object's life after its last use, and the last use is often reading
/// ``endpoint``).
public final class ClosedPort: Sendable {
    public let port: Int
    private let descriptor: Mutex<Int32?>

    public init() {
        guard let descriptor = LoopbackSocket.open(.bind, port: 0) else { fatalError("cannot bind 127.0.0.1:0: errno \(errno)") }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = Mutex(descriptor)
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// `tcp://127.0.0.1:<port>`, for a ZeroMQ client.
    public var endpoint: String { "tcp://127.0.0.1:\(port)" }

    /// Gives the port back.
    public func close() {
        descriptor.withLock { descriptor in
            if let open = descriptor { Glibc.close(open) }
            descriptor = nil
        }
    }

    deinit { close() }
}
