import BaoxueContracts
import BaoxueService
import Foundation

/// `HOST:PORT` as given to `--http`. Port 0 asks the kernel for any free port: tests start
/// `baoxue serve --http 127.0.0.1:0` and read the port back from its ready file.
struct HTTPAddress: Sendable, CustomStringConvertible {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        host = String(text[..<colon])
        if host.isEmpty { host = "127.0.0.1" }
        self.port = port
    }

    var description: String { "\(host):\(port)" }

    /// Whether another process already listens on this address's port on this host (probed by
    /// connecting to loopback, for a loopback or wildcard host; port 0 never is): the gateway
    /// refuses to start then, with ``ServiceError/portInUse(_:option:)``, rather than with the
    /// bare "Address already in use" of the HTTP server.
    var isTaken: Bool {
        guard port != 0, ["127.0.0.1", "localhost", "0.0.0.0", "::", "[::]"].contains(host),
            let descriptor = LoopbackSocket.open(.connect, port: port)
        else { return false }
        close(descriptor)
        return true
    }

    /// The refusal for an address another process listens on.
    var inUse: ServiceError { ServiceError.portInUse("http://\(self)", option: "--http HOST:PORT (gateway.http)") }
}
