import CZeroMQ

/// A libzmq context. libzmq documents contexts as thread-safe, so this one type may be shared;
/// sockets made from it may not.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() {
        handle = zmq_ctx_new()
    }

    /// Whether this libzmq was built with a capability (`"curve"`, `"ipc"`).
    public static func has(_ capability: String) -> Bool {
        zmq_has(capability) == 1
    }

    /// libzmq's version, for logs and benchmark reports.
    public static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }

    deinit {
        zmq_ctx_term(handle)
    }
}
