#if canImport(Glibc)
import Glibc
#endif

/// Runs work on the calling thread at Linux's idle scheduling class (`SCHED_IDLE`), then puts the
/// thread back: the kernel gives it a core only when nothing else wants one.
///
/// For the checkpointer's copies (decision 134): a passive checkpoint copies tens of megabytes a
/// second at a county's busiest moment, and at normal priority each copy took a core from the
/// services' request and event threads for tens of milliseconds, four times a second. The thread
/// must not hold anything another thread waits for while idle: a passive checkpoint takes no
/// lock a writer or a reader waits on.
enum IdlePriority {
    /// `SCHED_IDLE`, which Glibc's Swift module does not export.
    private static let idleClass: Int32 = 5

    static func run<T>(_ body: () throws -> T) rethrows -> T {
        #if os(Linux)
        var parameters = sched_param()
        let lowered = sched_setscheduler(0, idleClass, &parameters) == 0
        defer { if lowered { _ = sched_setscheduler(0, SCHED_OTHER, &parameters) } }
        #endif
        return try body()
    }
}
