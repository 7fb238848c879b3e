/// What one status change cost each process during `bench alerts`' load: CPU and context
/// switches, each process's total over the load divided by the changes sent. At a constant rate
/// the latency follows from these and the host: near two cores busy, every change waits for
/// others (docs/performance.md).
struct ChangeCost: Codable {
    struct Process: Codable {
        var cpuMicroseconds: Double
        var switches: Double
    }

    var registry: Process
    var monitor: Process
    /// The bench's own process: the gateway's follower, feed and stream, the SSE client, the
    /// taps and the client sending the changes.
    var gateway: Process
    /// The three processes' CPU over the load's seconds: how much of the host's cores they took.
    var coresBusy: Double

    init(registry: ProcessUsage, monitor: ProcessUsage, gateway: ProcessUsage, changes: Int, seconds: Double) {
        func per(_ usage: ProcessUsage) -> Process {
            Process(cpuMicroseconds: usage.cpuSeconds / Double(max(changes, 1)) * 1e6, switches: Double(usage.switches) / Double(max(changes, 1)))
        }
        self.registry = per(registry)
        self.monitor = per(monitor)
        self.gateway = per(gateway)
        coresBusy = (registry.cpuSeconds + monitor.cpuSeconds + gateway.cpuSeconds) / max(seconds, 1e-9)
    }
}
