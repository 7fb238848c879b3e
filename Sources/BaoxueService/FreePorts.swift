#if canImport(Glibc)
import Glibc
#endif

/// Finds free TCP ports on loopback, so tests and benchmarks never collide with a running
/// installation or with each other.
public enum FreePorts {
    /// A base port such that `base ..< base + count` are all free now.
    public static func base(count: Int) -> Int {
        for _ in 0..<200 {
            let candidate = Int.random(in: 20_000...60_000)
            if (candidate..<candidate + count).allSatisfy(isFree) { return candidate }
        }
        fatalError("no \(count) consecutive free ports found on 127.0.0.1")
    }

    public static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
