#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Finds free TCP ports on loopback, for what needs a whole port plan before anything binds:
/// `baoxue up` on a chosen `--port-base` (its services' ports are derived from the base, and a
/// supervised restart must get the same ones back, which a `*` bind cannot promise) and the
/// benchmarks that start one. Everything else binds `tcp://127.0.0.1:*` or HTTP port 0 and reads
/// back what it got (``ReadyFile``, `RequestServer.endpoint`): a probed port is only free until
/// somebody else takes it.
///
/// Ports come from below Linux's ephemeral range (32768–60999), where no outgoing connection
/// takes a local port between the check and the bind, and from a per-process cursor, so two
/// callers in one process never get the same range. Random picks in 20000–60000 did collide
/// now and then ("Address already in use" in a test).
public enum FreePorts {
    static let range = 20_000..<32_700
    private static let cursor = Mutex<Int>(Int(getpid()) * 613 % (32_700 - 20_000))

    /// A base port such that `base ..< base + count` are all free now.
    public static func base(count: Int) -> Int {
        for _ in 0..<500 {
            let candidate = cursor.withLock { offset in
                if range.lowerBound + offset + count > range.upperBound { offset = 0 }
                defer { offset += count }
                return range.lowerBound + offset
            }
            if (candidate..<candidate + count).allSatisfy(isFree) { return candidate }
        }
        fatalError("no \(count) consecutive free ports found on 127.0.0.1")
    }

    public static func isFree(_ port: Int) -> Bool {
        guard let descriptor = LoopbackSocket.open(.bind, port: port) else { return false }
        close(descriptor)
        return true
    }
}
