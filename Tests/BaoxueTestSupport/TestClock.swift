import BaoxueContracts
import Synchronization

/// The county's date as a test sets it: services take a `today` closure (`MonitorSettings.today`)
/// and a test hands them ``now``, then moves it, so rules are tested day by day without sleeping.
public final class TestClock: Sendable {
    private let date: Mutex<CivilDate>

    public init(_ date: CivilDate) { self.date = Mutex(date) }

    /// The date the test has set.
    public var now: CivilDate { date.withLock { $0 } }

    public func set(_ value: CivilDate) { date.withLock { $0 = value } }

    /// Moves the date by `days` (negative: back).
    public func advance(days: Int) { date.withLock { $0 = $0.adding(days: days) } }
}
