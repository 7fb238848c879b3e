/// An error that carries an ``ErrorCode``: a ``ServiceError``, or a module's own error (a
/// `TableError`) before it crosses a service boundary.
public protocol CodedError: Error, Sendable {
    var code: ErrorCode { get }
}

extension ErrorCode {
    /// Lets `catch ErrorCode.csvXLSX { … }` and `case ErrorCode.caseNotOpen` read like the code
    /// they test, for any error that carries one.
    public static func ~= (code: ErrorCode, error: any Error) -> Bool {
        (error as? any CodedError)?.code == code
    }
}
