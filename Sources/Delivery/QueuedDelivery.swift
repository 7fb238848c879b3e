/// The next message of one webhook's queue, as the worker needs it.
struct QueuedDelivery: Sendable, Equatable {
    var id: Int64
    var payload: [UInt8]
    var attempts: Int
    /// Milliseconds since 1970 when it may be tried.
    var nextAttemptMilliseconds: Int64
}
