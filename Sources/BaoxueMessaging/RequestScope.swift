import BaoxueContracts
import Synchronization

/// The request ids of one operation, derived from a key the caller chose, so that doing the
/// operation again under the same key sends the same ids and every service answers a write it
/// already applied with its first answer (``RequestJournal``) instead of applying it twice.
///
/// The gateway opens one scope per HTTP write (the `Idempotency-Key` header, or a fresh key) and
/// one per CLI command (`--request-id`, or a fresh one). ``RequestClient/call(_:_:actor:requestID:policy:)``
/// then names its requests `<key>/<type>/<n>`: the n-th call of that type in the scope. The n-th
/// call is the same call on every run of an operation as long as the operation makes its calls of
/// one type in the same order, which holds for every operation here; an upload's batches each get
/// a scope of their own (``child(_:)``) since they run side by side.
public final class RequestScope: Sendable {
    /// The task's scope, if an operation opened one.
    @TaskLocal public static var current: RequestScope?

    public let key: String
    private let counts = Mutex<[String: Int]>([:])

    public init(key: String) {
        self.key = key
    }

    /// The id of the next call of `type` in this scope.
    public func nextID(type: String) -> String {
        let n = counts.withLock { counts in
            counts[type, default: 0] += 1
            return counts[type]!
        }
        return "\(key)/\(type)/\(n)"
    }

    /// A scope for one part of this operation (an upload's n-th batch): its ids do not depend on
    /// the order in which the parts happen to run.
    public func child(_ part: String) -> RequestScope {
        RequestScope(key: "\(key)/\(part)")
    }

    /// Longest key a caller may choose: a UUID is 36; 128 leaves room for a client's own scheme.
    public static let maximumKeyLength = 128

    /// A key a caller chose (`Idempotency-Key`, `--request-id`), checked: printable ASCII without
    /// spaces, 1 to ``maximumKeyLength`` characters, since it goes into request ids on the wire and
    /// into the audit log.
    public static func checkedKey(_ key: String, field: String) throws(ServiceError) -> String {
        guard (1...maximumKeyLength).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ServiceError.invalid(
                field: field, "\(field) 须为 1 到 \(maximumKeyLength) 个可见 ASCII 字符（例如 UUID）(\(field) must be 1 to \(maximumKeyLength) printable ASCII characters, such as a UUID)",
                reason: "1 to \(maximumKeyLength) printable ASCII characters")
        }
        return key
    }

    /// A fresh key for an operation nobody named: unique, and still the same for every call the
    /// operation makes.
    public static func freshKey(prefix: String) -> String {
        "\(prefix)-\(MessageID.make())"
    }
}
