import BaoxueMessaging
import Foundation
import Gateway
import Synchronization
import ZeroMQ

/// A plain SUB socket on one service's event stream that notes when each event arrived, keyed by
/// the caller. `bench alerts` taps the registry's and the monitor's streams with it, so its
/// figures say where the time goes, not only how much there is.
final class EventTap: Sendable {
    private let arrivals = ArrivalTimes()
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// Starts listening; `key` names an event (nil: not one the caller times).
    init(loop: MessageLoop, endpoint: String, subscription: String, key: @escaping @Sendable (ReceivedEvent) -> String?) async throws {
        let (socket, stream) = try await loop.open(SocketSpec(type: .subscriber, connect: [endpoint], subscriptions: [subscription]))
        task.withLock {
            $0 = Task { [self] in
                defer { loop.close(socket) }
                for await batch in stream {
                    let now = ContinuousClock.now
                    for frames in batch {
                        guard let event = ReceivedEvent(frames: frames[...]), let name = key(event) else { continue }
                        self.arrivals.note(name, at: now)
                    }
                }
            }
        }
    }

    /// When each keyed event arrived (first arrival only).
    var received: [String: ContinuousClock.Instant] { arrivals.all }

    func stop() { task.withLock { $0?.cancel() } }
}
