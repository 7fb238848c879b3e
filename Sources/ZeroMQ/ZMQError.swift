import CZeroMQ

/// An error from libzmq, carrying its `errno` so callers can match on it.
///
/// Match the way GRDB matches `DatabaseError`: `catch ZMQError.again { … }`.
public struct ZMQError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The `errno` value libzmq reported.
    public let code: Int32
    /// What the wrapper was doing (`"bind tcp://127.0.0.1:5550"`), for the message.
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// The last libzmq error of this thread.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    public var description: String {
        "\(operation): \(String(cString: zmq_strerror(code))) (errno \(code))"
    }

    /// A pattern that matches any ``ZMQError`` with this code.
    public struct Code: Sendable {
        public let rawValue: Int32
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? ZMQError)?.code == pattern.rawValue
        }
    }

    /// The operation would block (`EAGAIN`).
    public static let again = Code(rawValue: EAGAIN)
    /// The address is already in use (`EADDRINUSE`).
    public static let addressInUse = Code(rawValue: EADDRINUSE)
    /// The context was terminated (`ETERM`).
    public static let terminated = Code(rawValue: ETERM)
    /// A system call was interrupted (`EINTR`).
    public static let interrupted = Code(rawValue: EINTR)
}

#if canImport(Glibc)
import Glibc
#endif
