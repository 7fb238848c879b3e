/// A handle to a socket owned by a ``MessageLoop``. Sendable, unlike the socket it names.
public struct SocketID: Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int
    public var description: String { "socket#\(rawValue)" }
}
