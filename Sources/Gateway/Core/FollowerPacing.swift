import BaoxueContracts
import BaoxueMessaging

/// Holds a file of status changes back, part by part, until the monitor has applied what the
/// part before published (decision 139). The monitor applies the registry's events in order, so
/// a school's thousand dropouts sent at once would put a thousand events ahead of every other
/// township's next change, and their alerts would wait the third of a second the monitor needs
/// for them. Sent in small parts, each after the monitor has caught up, the batch only ever
/// puts one part ahead of anyone; it takes about as long as the monitor needs for its alerts in
/// any case.
///
/// Pacing is a courtesy to the stream, never a condition of the write: when the registry or the
/// monitor does not answer its status, or the monitor has not caught up within ``limit``, the
/// upload goes on without waiting, and stops waiting for the rest of the file.
public actor FollowerPacing {
    private let registry: RequestClient
    private let monitor: RequestClient
    private var givenUp = false

    /// The longest one part waits for the monitor.
    private static let limit = Duration.seconds(2)
    /// A status read is a read: a short timeout, one attempt, no grace, as the health probes.
    private static let probe = RequestClient.Policy(timeout: .milliseconds(500), attempts: 1, grace: .zero)
    /// Between two looks at the monitor's cursor: a part's events take the monitor a few
    /// milliseconds, and every look costs it a status read.
    private static let interval = Duration.milliseconds(2)

    public init(registry: RequestClient, monitor: RequestClient) {
        self.registry = registry
        self.monitor = monitor
    }

    /// Waits until the monitor has applied every event the registry had written when this was
    /// called (so the part just answered), at most ``limit``; whether it did.
    @discardableResult
    public func waitForMonitor() async -> Bool {
        guard !givenUp else { return false }
        guard let end = try? await registry.call(ServiceMessage.status, StatusQuery(counts: false), actor: .system, policy: Self.probe).lastSeq else {
            givenUp = true
            return false
        }
        let deadline = ContinuousClock.now + Self.limit
        while true {
            guard let cursor = try? await monitor.call(ServiceMessage.status, StatusQuery(counts: false), actor: .system, policy: Self.probe).cursor(following: .registry) else {
                givenUp = true
                return false
            }
            if cursor >= end { return true }
            guard ContinuousClock.now < deadline, (try? await Task.sleep(for: Self.interval)) != nil else {
                givenUp = true
                return false
            }
        }
    }
}
