import Gateway
import Synchronization

/// When each timed item first arrived, by name: what `bench alerts` notes at every point of the
/// pipeline it watches.
final class ArrivalTimes: Sendable {
    private let times = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Notes `name` at `instant` unless it arrived before (a replayed event is not a new one).
    func note(_ name: String, at instant: ContinuousClock.Instant) {
        times.withLock { if $0[name] == nil { $0[name] = instant } }
    }

    var count: Int { times.withLock { $0.count } }
    var all: [String: ContinuousClock.Instant] { times.withLock { $0 } }
}
