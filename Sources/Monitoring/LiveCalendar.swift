import Synchronization

/// The school calendar the rules count by, shared by every part of the monitor and replaced when
/// the county changes it (`monitor.calendar.*`): settings are values, copied into each store, but
/// they all hold this one reference, so a change reaches the next evaluation everywhere.
public final class LiveCalendar: Sendable {
    private let calendar: Mutex<SchoolCalendar>

    public init(_ calendar: SchoolCalendar = SchoolCalendar()) {
        self.calendar = Mutex(calendar)
    }

    public var current: SchoolCalendar { calendar.withLock { $0 } }

    func replace(_ new: SchoolCalendar) {
        calendar.withLock { $0 = new }
    }
}
