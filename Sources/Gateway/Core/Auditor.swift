import Access
import BaoxueContracts
import BaoxueMessaging

/// Writes the audit log for every façade of the core, so what a line says (who, what, outcome,
/// which child) is decided in one place and no operation can skip it.
public struct Auditor: Sendable {
    /// Users, tokens and the audit log (`<data>/gateway.sqlite`).
    public let store: AccessStore

    public init(store: AccessStore) {
        self.store = store
    }

    /// The outcome of a line whose service did not answer in time.
    public static let unknownOutcome = "unknown"

    /// Runs `body` and writes one audit line: `ok` with the subject the result names, the
    /// refusal's code (`scope.forbidden`, `student.notFound`, …) with the key the caller gave, or
    /// `unknown` with the operation's request key when a service did not answer.
    /// A read is returned only once its line is written.
    func audited<Value: Sendable>(
        _ actor: Actor, _ action: String, key: String? = nil, detail: (Value) -> String? = { _ in nil },
        subject: (Value) -> AuditSubject? = { _ in nil }, _ body: () async throws -> Value
    ) async throws -> Value {
        let value: Value
        do {
            value = try await body()
        } catch let error as ServiceError where error.isRefusal {
            try await store.record(actor, action: action, outcome: error.code.rawValue, subject: key.map(store.subject(key:)))
            throw error
        } catch let error as ServiceError where error.kind == .unavailable {
            // No answer by the deadline: the service will not apply it later, but may have just
            // before. The line says so, with the key that settles it when the caller retries.
            try await store.record(
                actor, action: action, outcome: Self.unknownOutcome, subject: key.map(store.subject(key:)),
                detail: RequestScope.current.map { "request \($0.key)" })
            throw error
        }
        try await store.record(actor, action: action, subject: subject(value), detail: detail(value))
        return value
    }

    /// One line written as it is: for operations whose subject is only known from the answer.
    func record(_ actor: Actor, action: String, outcome: String = "ok", subject: AuditSubject? = nil, detail: String? = nil) async throws {
        try await store.record(actor, action: action, outcome: outcome, subject: subject, detail: detail)
    }

    /// The child a student record names, as an audit line names them (a masked label and HMAC
    /// references, never the full ID number).
    func subject(_ student: Student) -> AuditSubject { store.subject(student) }

    /// The child a key (ID number or student number) names.
    func subject(key: String) -> AuditSubject { store.subject(key: key) }
}
