import Foundation

/// A process's CPU time and context switches so far, read from `/proc`: what `bench alerts`
/// divides by the changes it sent, so that it says what a change costs each process and how
/// many times its threads went to sleep and woke for it.
struct ProcessUsage {
    var cpuSeconds: Double
    /// Voluntary and involuntary switches of all its threads (`/proc/<pid>/task/*/status`).
    var switches: Int

    /// Nil once the process is gone.
    static func read(_ pid: pid_t) -> ProcessUsage? {
        guard let cpu = ProcessQuiet.cpuSeconds(pid),
            let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        else { return nil }
        var switches = 0
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else { continue }
            // "voluntary_ctxt_switches:\t12" and "nonvoluntary_ctxt_switches:\t3"
            for line in status.split(separator: "\n") where line.contains("ctxt_switches:") {
                switches += line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            }
        }
        return ProcessUsage(cpuSeconds: cpu, switches: switches)
    }

    static func - (after: ProcessUsage, before: ProcessUsage) -> ProcessUsage {
        ProcessUsage(cpuSeconds: after.cpuSeconds - before.cpuSeconds, switches: after.switches - before.switches)
    }
}
