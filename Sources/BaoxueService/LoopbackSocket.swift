#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket on 127.0.0.1, bound or connected: what the port finder and the benchmark's
/// stream reader both need from the C socket API.
public enum LoopbackSocket {
    public enum Action { case bind, connect }

    /// A new TCP socket bound or connected to `127.0.0.1:port`, or nil (`errno` says why); the
    /// caller closes it.
    public static func open(_ action: Action, port: Int) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                let length = socklen_t(MemoryLayout<sockaddr_in>.size)
                return action == .bind ? bind(descriptor, pointer, length) : connect(descriptor, pointer, length)
            }
        }
        guard result == 0 else {
            let saved = errno
            close(descriptor)
            errno = saved
            return nil
        }
        return descriptor
    }
}
