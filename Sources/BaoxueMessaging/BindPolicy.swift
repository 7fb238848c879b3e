import BaoxueContracts
import ZeroMQ

/// A service bound to anything but loopback must speak CurveZMQ (ARCHITECTURE.md): minors'
/// personal data never crosses a network in clear, and no process that merely reaches the port is
/// served.
public enum BindPolicy {
    /// Refuses a non-loopback `endpoint` without a key pair.
    public static func check(_ endpoint: String, curve: CurveKeyPair?) throws {
        guard curve == nil, !isLoopback(endpoint) else { return }
        throw ServiceError(
            .configCurveRequired,
            "绑定\(endpoint)须配置CurveZMQ密钥（baoxue keys generate）；不加密时只能绑定127.0.0.1 (binding \(endpoint) needs CurveZMQ keys; without them a service binds loopback only)")
    }

    public static func isLoopback(_ endpoint: String) -> Bool {
        guard endpoint.hasPrefix("tcp://") else { return true }  // inproc, ipc: never on a network
        let host = endpoint.dropFirst("tcp://".count).split(separator: ":").dropLast().joined(separator: ":")
        return host.hasPrefix("127.") || host == "localhost" || host == "[::1]" || host == "::1"
    }
}
