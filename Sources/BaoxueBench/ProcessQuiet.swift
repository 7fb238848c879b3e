import Foundation

/// Waits until processes are quiet: a paced benchmark measures a county at work, not the tail of
/// the set-up it just did (a checkpoint copying the preparation's pages, a follower applying its
/// last events), which would otherwise land in the first second's figures.
enum ProcessQuiet {
    /// Returns once every process used under `share` of a core over a `window`, or after
    /// `timeout`; the CPU read from `/proc/<pid>/stat`.
    static func wait(for pids: [pid_t], window: Duration = .milliseconds(500), share: Double = 0.05, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        var before = pids.map(cpuSeconds)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: window)
            let now = pids.map(cpuSeconds)
            let busiest = zip(before, now).map { ($1 ?? 0) - ($0 ?? 0) }.max() ?? 0
            if busiest / window.seconds < share { return }
            before = now
        }
    }

    /// User plus system CPU time of `pid`, in seconds; nil once the process is gone.
    static func cpuSeconds(_ pid: pid_t) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
