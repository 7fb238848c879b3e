import BaoxueContracts

/// The error code a call ends with (`"scope.forbidden"`), `nil` when it does not throw, or the
/// error's description when it throws something without a code: one line reads a refusal, and a
/// wrong one shows in the failure message.
/// ```swift
/// #expect(await errorCode { _ = try await operations.crosscheck.runCrosscheck(actor: township) } == "scope.forbidden")
/// ```
public func errorCode(_ call: () throws -> Void) -> String? {
    do { try call() } catch { return code(of: error) }
    return nil
}

/// The error code an asynchronous call ends with, as the synchronous ``errorCode(_:)`` reads it.
public func errorCode(_ call: () async throws -> Void) async -> String? {
    do { try await call() } catch { return code(of: error) }
    return nil
}

private func code(of error: any Error) -> String {
    (error as? any CodedError)?.code.rawValue ?? "\(error)"
}
