import Synchronization

/// What ``WALCheckpointer`` remembers between ticks: the WAL's size at its last pass, which says
/// whether the next copies run idle, and when it last copied (``CheckpointPace``). Written and
/// read by one tick at a time.
final class CheckpointerState: Sendable {
    private let pages = Atomic<Int>(0)
    private let copied = Atomic<UInt64>(0)

    var walPages: Int {
        get { pages.load(ordering: .relaxed) }
        set { pages.store(newValue, ordering: .relaxed) }
    }

    /// Uptime nanoseconds of the last copy.
    var lastCopy: UInt64 {
        get { copied.load(ordering: .relaxed) }
        set { copied.store(newValue, ordering: .relaxed) }
    }
}
