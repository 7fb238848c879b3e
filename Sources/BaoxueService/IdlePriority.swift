import CProcessControl
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs work on the calling thread at Linux's idle scheduling class (`SCHED_IDLE`), then puts the
/// thread back: the kernel gives it a core only when nothing else wants one.
///
/// For the checkpointer's copies (decision 134): a passive checkpoint copies tens of megabytes a
/// second at a county's busiest moment, and at normal priority each copy took a core from the
/// services' request and event threads for tens of milliseconds, four times a second. On a
/// saturated host (an import on both cores) an idle thread barely runs at all, and a copy left
/// there would let the WAL grow without bound; so past `limit` another thread puts it back to
/// normal priority for the rest of its work.
///
/// Leaving `SCHED_IDLE` needs `CAP_SYS_NICE` or an `RLIMIT_NICE` of 20: an ordinary user (the
/// service account of a county's host) may lower a thread but not raise it again, and a pool
/// thread left idle would carry that into whatever it runs next. So the work runs idle only where
/// a throwaway thread, at first use, went idle and came back (``isAvailable``).
enum IdlePriority {
    /// `SCHED_IDLE`, which Glibc's Swift module does not export.
    private static let idleClass: Int32 = 5

    /// Whether this process may put a thread back to normal priority after idling it.
    static let isAvailable: Bool = {
        #if os(Linux)
        let cameBack = ThreadHandoff<Bool>()
        Thread {
            var parameters = sched_param()
            cameBack.finish(sched_setscheduler(0, idleClass, &parameters) == 0 && sched_setscheduler(0, SCHED_OTHER, &parameters) == 0)
        }.start()
        return cameBack.wait()
        #else
        return false
        #endif
    }()

    static func run<T>(atMost limit: DispatchTimeInterval = .milliseconds(100), _ body: () throws -> T) rethrows -> T {
        #if os(Linux)
        var parameters = sched_param()
        guard isAvailable, sched_setscheduler(0, idleClass, &parameters) == 0 else { return try body() }
        let thread = baoxue_thread_id()
        // Run after the work has ended, it finds the thread at normal priority already, whatever
        // it runs by then: it only ever raises.
        let raise = DispatchWorkItem {
            var parameters = sched_param()
            _ = sched_setscheduler(thread, SCHED_OTHER, &parameters)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: raise)
        defer {
            raise.cancel()
            _ = sched_setscheduler(0, SCHED_OTHER, &parameters)
        }
        #endif
        return try body()
    }
}
