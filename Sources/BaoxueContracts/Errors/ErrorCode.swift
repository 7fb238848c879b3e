/// A stable machine code of an error that crosses a service boundary (`student.notFound`), with
/// the ``ErrorKind`` that decides its HTTP status and exit code.
///
/// Codes are declared once, grouped by area (`ErrorCode+Request.swift`, `ErrorCode+Registry.swift`,
/// …): a new service adds its own file. On the wire a code is its dotted string, unchanged, with
/// its kind beside it (docs/protocol.md), so a client in another language, or a gateway older than
/// the service, can act on a code it has never seen.
public struct ErrorCode: Hashable, Sendable, CustomStringConvertible {
    /// The dotted code, never reused: `request.invalid`, `case.notOpen`.
    public let rawValue: String
    public let kind: ErrorKind

    public init(_ rawValue: String, _ kind: ErrorKind) {
        self.rawValue = rawValue
        self.kind = kind
    }

    public var description: String { rawValue }

    /// Codes are equal when their strings are: the kind is a property of the code.
    public static func == (lhs: ErrorCode, rhs: ErrorCode) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
